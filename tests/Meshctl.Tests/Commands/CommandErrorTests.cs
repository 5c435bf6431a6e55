using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ControlPlane.Pilot;
using ControlPlane.TestSupport;

namespace ControlPlane.Meshctl.Tests.Commands;

/// <summary>
/// Every failure a user can cause is one line, <c>error: what is wrong; what to do</c>, with exit
/// code 2 for a wrong command line and 1 for a command that ran and failed, and no stack trace.
/// </summary>
public sealed class CommandErrorTests
{
    [Theory]
    [InlineData("error: Required command was not provided. Run 'meshctl --help' for usage.")]
    [InlineData("error: Unrecognized command or argument 'frobnicate'. Run 'meshctl --help' for usage.", "frobnicate")]
    [InlineData("error: Option '--service-account' is required. Run 'meshctl cert request --help' for usage.", "cert", "request", "--namespace", "a", "--out", "x")]
    [InlineData("error: Required argument missing for command: 'clusters'. Run 'meshctl proxy-config clusters --help' for usage.", "proxy-config", "clusters")]
    public async Task ParseError_PrintsTheProblemAndWhereToFindUsage_Exit2(string expected, params string[] args)
    {
        var line = await FailsWithOneLineAsync(2, args);

        Assert.Equal(expected, line);
    }

    [Fact]
    public async Task CertRequest_NoMeshdInDataDir_HintsAtStartingMeshd_Exit1()
    {
        var data = TempDirectory.Create("no-meshd");

        var line = await FailsWithOneLineAsync(1, "cert", "request", "--namespace", "default", "--service-account", "web", "--out", TempDirectory.Create("out"), "--data-dir", data);

        Assert.Equal($"error: no {Path.Combine(data, "ports.json")}: is Meshd running with --data-dir {data}? Start it with scripts/run-meshd.sh (or meshd --data-dir {data}), or pass --address https://HOST:PORT with --root-cert FILE", line);
    }

    [Fact]
    public async Task CertRequest_DataDirThatDoesNotExist_SaysTheSameNotAPathError()
    {
        var line = await FailsWithOneLineAsync(1, "cert", "request", "--namespace", "default", "--service-account", "web", "--out", TempDirectory.Create("out"), "--data-dir", "/no/such/dir");

        Assert.StartsWith("error: no /no/such/dir/ports.json: is Meshd running with --data-dir /no/such/dir?", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Could not find a part of the path", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CertRequest_CaNotListening_SaysItCannotReachTheCa_Exit1()
    {
        var roots = await RootsFileAsync();

        var line = await FailsWithOneLineAsync(
            1, "cert", "request", "--namespace", "default", "--service-account", "web", "--out", TempDirectory.Create("out"),
            "--address", $"https://127.0.0.1:{ClosedPort()}", "--root-cert", roots, "--token", "t");

        Assert.StartsWith("error: cannot reach the CA at https://127.0.0.1:", line, StringComparison.Ordinal);
        Assert.EndsWith("is Meshd running? Start it with scripts/run-meshd.sh, or check --address and --data-dir", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--ttl", "soon", "--ttl: 'soon' is not a duration")]
    [InlineData("--address", "127.0.0.1:8060", "--address '127.0.0.1:8060' is not an https:// URL")]
    [InlineData("--root-cert", "/no/such/roots.pem", "--root-cert /no/such/roots.pem: ")]
    [InlineData("--namespace", "a/b", "'spiffe://cluster.local/ns/a/b/sa/web' is not spiffe://TRUST_DOMAIN/ns/NAMESPACE/sa/SERVICE_ACCOUNT")]
    [InlineData("--root-cert", "EMPTY", "/roots.pem: the root bundle holds no certificate; name the CA's PEM root bundle with --root-cert")]
    public async Task CertRequest_MalformedValue_Exit2(string flag, string value, string expected)
    {
        var args = new Dictionary<string, string>
        {
            ["--namespace"] = "default", ["--service-account"] = "web", ["--out"] = TempDirectory.Create("out"),
            ["--address"] = "https://127.0.0.1:1", ["--token"] = "t", ["--root-cert"] = await RootsFileAsync(),
        };
        args[flag] = value == "EMPTY" ? TempDirectory.Create("empty") + "/roots.pem" : value;
        if (value == "EMPTY")
        {
            await File.WriteAllTextAsync(args[flag], string.Empty);
        }

        var line = await FailsWithOneLineAsync(2, ["cert", "request", .. args.SelectMany(a => new[] { a.Key, a.Value })]);

        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CertInspect_MissingFile_Exit2()
    {
        var line = await FailsWithOneLineAsync(2, "cert", "inspect", "/no/such/cert.pem");

        Assert.StartsWith("error: /no/such/cert.pem: ", line, StringComparison.Ordinal);
        Assert.EndsWith("name a PEM certificate file, e.g. cert-chain.pem from meshctl cert request", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_MalformedTtl_Exit2()
    {
        var line = await FailsWithOneLineAsync(2, "token", "--data-dir", TempDirectory.Create("d"), "--namespace", "a", "--service-account", "b", "--ttl", "forever");

        Assert.StartsWith("error: --ttl: 'forever' is not a duration", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProxyStatus_NoMeshdInDataDir_HintsAtStartingMeshd_Exit1()
    {
        var data = TempDirectory.Create("no-meshd");

        var line = await FailsWithOneLineAsync(1, "proxy-status", "--data-dir", data);

        Assert.Equal($"error: no {Path.Combine(data, "ports.json")}: is Meshd running with --data-dir {data}? Start it with scripts/run-meshd.sh (or meshd --data-dir {data}), or pass --monitoring-address HOST:PORT", line);
    }

    [Fact]
    public async Task ProxyStatus_NothingListening_SaysItCannotReachPilot_Exit1()
    {
        var line = await FailsWithOneLineAsync(1, "proxy-status", "--monitoring-address", $"127.0.0.1:{ClosedPort()}");

        Assert.StartsWith("error: cannot reach Pilot at http://127.0.0.1:", line, StringComparison.Ordinal);
        Assert.EndsWith("is Meshd running? Start it with scripts/run-meshd.sh, or check --monitoring-address and --data-dir", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProxyConfig_MalformedMonitoringAddress_Exit2()
    {
        var line = await FailsWithOneLineAsync(2, "proxy-config", "routes", "some-id", "--monitoring-address", "::nope::");

        Assert.StartsWith("error: --monitoring-address '::nope::' is not HOST:PORT", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProxyStatus_PilotWithNoClients_SaysNoProxiesConnected()
    {
        await using var pilot = await TestHost.StartAsync(PilotHost.Definition, "--config-dir", TempDirectory.Create("config"));

        var (code, stdout, stderr) = await MeshctlRunner.RunAsync("proxy-status", "--data-dir", pilot.DataDir);

        Assert.True(code == 0, stderr);
        Assert.Equal("no proxies connected\n", stdout.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Analyze_MalformedSuppression_IsOneLowercaseErrorLine_Exit2()
    {
        var line = await FailsWithOneLineAsync(2, "analyze", "--suppress", "IST0101", TempDirectory.Create("config"));

        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.EndsWith("; write suppressions as CODE=Kind/namespace/name", line, StringComparison.Ordinal);
    }

    private static async Task<string> FailsWithOneLineAsync(int exitCode, params string[] args)
    {
        var (code, _, stderr) = await MeshctlRunner.RunAsync(args);

        Assert.True(code == exitCode, $"exit {code}, expected {exitCode}: {stderr}");
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("   at ", line, StringComparison.Ordinal);
        return line.TrimEnd('\r');
    }

    private static async Task<string> RootsFileAsync()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var root = new CertificateRequest("CN=test root", key, HashAlgorithmName.SHA256).CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddHours(1));
        var roots = Path.Combine(TempDirectory.Create("roots"), "root-cert.pem");
        await File.WriteAllTextAsync(roots, root.ExportCertificatePem());
        return roots;
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
