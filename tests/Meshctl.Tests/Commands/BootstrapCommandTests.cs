using System.Text.Json.Nodes;
using ControlPlane.TestSupport;

namespace ControlPlane.Meshctl.Tests.Commands;

/// <summary><c>meshctl bootstrap</c> on the command line: defaults, flags, and every usage error.</summary>
public sealed class BootstrapCommandTests
{
    [Fact]
    public async Task Bootstrap_OnlyPodName_DefaultsToNamespaceDefaultLoopbackAndPort15010()
    {
        var (code, stdout, stderr) = await MeshctlRunner.RunAsync("bootstrap", "--pod-name", "web-1", "--data-dir", TempDirectory.Create("no-meshd"));

        Assert.True(code == 0, stderr);
        var bootstrap = JsonNode.Parse(stdout)!;
        Assert.Equal("127.0.0.1:15010", (string?)bootstrap["xds_servers"]![0]!["server_uri"]);
        Assert.Equal("sidecar~127.0.0.1~web-1.default~default.svc.cluster.local", (string?)bootstrap["node"]!["id"]);
    }

    [Fact]
    public async Task Bootstrap_DataDirOfARunningMeshd_UsesItsXdsPort()
    {
        var data = TempDirectory.Create("meshd-data");
        await File.WriteAllTextAsync(Path.Combine(data, "ports.json"), """{"xds":41234,"monitoring":41235}""");

        var (code, stdout, stderr) = await MeshctlRunner.RunAsync("bootstrap", "--pod-name", "web-1", "--data-dir", data);

        Assert.True(code == 0, stderr);
        Assert.Equal("127.0.0.1:41234", (string?)JsonNode.Parse(stdout)!["xds_servers"]![0]!["server_uri"]);
    }

    [Fact]
    public async Task Bootstrap_AllFlags_FillNodeLabelsAndCertificateFiles()
    {
        var (code, stdout, stderr) = await MeshctlRunner.RunAsync(
            "bootstrap", "--pod-name", "reviews-v2-7d9f", "--namespace", "bookinfo", "--ip", "10.1.2.3",
            "--labels", "app=reviews,version=v2", "--labels", "team=books", "--xds-address", "meshd.example:15010",
            "--cert-chain", "/w/chain.pem", "--key", "/w/key.pem", "--root-cert", "/w/roots.pem");

        Assert.True(code == 0, stderr);
        var bootstrap = JsonNode.Parse(stdout)!;
        Assert.Equal("meshd.example:15010", (string?)bootstrap["xds_servers"]![0]!["server_uri"]);
        Assert.Equal("sidecar~10.1.2.3~reviews-v2-7d9f.bookinfo~bookinfo.svc.cluster.local", (string?)bootstrap["node"]!["id"]);
        Assert.Equal("""{"app":"reviews","version":"v2","team":"books"}""", bootstrap["node"]!["metadata"]!["LABELS"]!.ToJsonString());
        var config = bootstrap["certificate_providers"]!["default"]!["config"]!;
        Assert.Equal("/w/chain.pem", (string?)config["certificate_file"]);
        Assert.Equal("/w/key.pem", (string?)config["private_key_file"]);
        Assert.Equal("/w/roots.pem", (string?)config["ca_certificate_file"]);
    }

    [Fact]
    public async Task Bootstrap_RelativeCertDir_IsWrittenAsAnAbsolutePath()
    {
        var (code, stdout, stderr) = await MeshctlRunner.RunAsync("bootstrap", "--pod-name", "web-1", "--cert-dir", "certs");

        Assert.True(code == 0, stderr);
        var config = JsonNode.Parse(stdout)!["certificate_providers"]!["default"]!["config"]!;
        Assert.Equal(Path.Combine(Path.GetFullPath("certs"), "cert-chain.pem"), (string?)config["certificate_file"]);
    }

    [Theory]
    [InlineData("--pod-name '' is not a valid Kubernetes name", "--pod-name", "")]
    [InlineData("--pod-name 'Web~1' is not a valid Kubernetes name", "--pod-name", "Web~1")]
    [InlineData("--namespace 'a.b' is not a valid Kubernetes name", "--pod-name", "web", "--namespace", "a.b")]
    [InlineData("--ip 'ten' is not an IP address", "--pod-name", "web", "--ip", "ten")]
    [InlineData("--labels 'app' is not KEY=VALUE", "--pod-name", "web", "--labels", "app")]
    [InlineData("--xds-address 'http://x:1' is not HOST:PORT", "--pod-name", "web", "--xds-address", "http://x:1")]
    [InlineData("--xds-address 'x' is not HOST:PORT", "--pod-name", "web", "--xds-address", "x")]
    [InlineData("--cert-chain, --key and --root-cert go together", "--pod-name", "web", "--key", "k.pem")]
    [InlineData("--cert-dir names all three certificate files", "--pod-name", "web", "--cert-dir", "c", "--key", "k.pem")]
    [InlineData("Option '--pod-name' is required", "--namespace", "shop")]
    public async Task Bootstrap_MalformedValue_IsAOneLineUsageError(string message, params string[] args)
    {
        var (code, stdout, stderr) = await MeshctlRunner.RunAsync(["bootstrap", .. args]);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: {message}", line, StringComparison.Ordinal);
    }
}
