using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using ControlPlane.Agent.Tests.Support;
using ControlPlane.Shared.Hosting;
using ControlPlane.Shared.Identity;
using ControlPlane.TestSupport;

namespace ControlPlane.Agent.Tests.Certificates;

/// <summary>The agent against a real Citadel on 127.0.0.1: first certificate, bootstrap, renewal and Citadel outages.</summary>
public sealed class CertificateRotatorTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task Start_AgainstCitadel_WritesTheCertificateCitadelIssuedThenTheBootstrapAndReportsReady()
    {
        await using var citadel = await CitadelForAgent.StartAsync();
        var output = TempDirectory.Create("agent-out");
        await using var agent = await AgentProcess.StartAsync(output, Flags(citadel, "web",
            "--pod-name", "web-1", "--namespace", "default", "--node-ip", "10.0.0.7", "--labels", "app=web,version=v1"));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        await Eventually.TrueAsync(() => File.Exists(Path.Combine(output, "grpc-bootstrap.json")), Wait, "the bootstrap");
        using var leaf = X509Certificate2.CreateFromPemFile(Path.Combine(output, "cert-chain.pem"), Path.Combine(output, "key.pem"));
        var bootstrap = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(output, "grpc-bootstrap.json")).WaitAsync(Wait))!;
        var ready = await http.GetAsync(agent.Monitoring("/healthz/ready")).WaitAsync(Wait);
        var metrics = await http.GetStringAsync(agent.Monitoring("/metrics")).WaitAsync(Wait);

        Assert.Equal(["spiffe://cluster.local/ns/default/sa/web"], CertificateUris.Of(leaf));
        Assert.True(leaf.HasPrivateKey);
        Assert.Equal(await File.ReadAllTextAsync(CitadelForAgent.RootCert(citadel)).WaitAsync(Wait), await File.ReadAllTextAsync(Path.Combine(output, "root-cert.pem")).WaitAsync(Wait));
        Assert.Equal($"127.0.0.1:{agent.Ports.XdsProxy}", (string?)bootstrap["xds_servers"]![0]!["server_uri"]);
        Assert.Equal("sidecar~10.0.0.7~web-1.default~default.svc.cluster.local", (string?)bootstrap["node"]!["id"]);
        var metadata = bootstrap["node"]!["metadata"]!;
        Assert.Equal("grpc", (string?)metadata["GENERATOR"]);
        Assert.Equal("web", (string?)metadata["SERVICE_ACCOUNT"]);
        Assert.Equal("web", (string?)metadata["WORKLOAD_NAME"]);
        Assert.Equal("v1", (string?)metadata["LABELS"]!["version"]);
        Assert.Equal(Path.Combine(output, "key.pem"), (string?)bootstrap["certificate_providers"]!["default"]!["config"]!["private_key_file"]);
        Assert.Equal("xds.istio.io/grpc/lds/inbound/%s", (string?)bootstrap["server_listener_resource_name_template"]);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("\nmeshd_agent_cert_expiry_seconds ", metrics, StringComparison.Ordinal);
        Assert.Contains("meshd_agent_cert_renewals_total{result=\"success\"} 1", metrics, StringComparison.Ordinal);
        Assert.Equal(agent.Ports.Monitoring, agent.PortsFile().GetProperty("monitoring").GetInt32());
        Assert.Equal(agent.Ports.XdsProxy, agent.PortsFile().GetProperty("xdsProxy").GetInt32());
    }

    [Fact]
    public async Task Start_NoCertificateYet_NotReadyNoFilesNoBootstrapAndTheFailureCounted()
    {
        var output = TempDirectory.Create("agent-out");
        var roots = Path.Combine(TempDirectory.Create("roots"), "root-cert.pem");
        await File.WriteAllTextAsync(roots, "no certificate here").WaitAsync(Wait);
        using var busy = new BusyPort();
        await using var agent = await AgentProcess.StartAsync(output, "--ca-address", $"127.0.0.1:{busy.Number}", "--root-cert", roots, "--token-file", roots);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        var metrics = await Eventually.ValueAsync(() => http.GetStringAsync(agent.Monitoring("/metrics")), m => m.Contains("result=\"failure\"", StringComparison.Ordinal), Wait, "a failed request counted");
        var ready = await http.GetAsync(agent.Monitoring("/healthz/ready")).WaitAsync(Wait);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.False(File.Exists(Path.Combine(output, "grpc-bootstrap.json")));
        Assert.False(File.Exists(Path.Combine(output, "key.pem")));
        Assert.DoesNotContain("\nmeshd_agent_cert_expiry_seconds ", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShortLifetime_TheAgentRenews_AndTheSerialOnDiskChanges()
    {
        await using var citadel = await CitadelForAgent.StartAsync();
        var output = TempDirectory.Create("agent-out");
        await using var agent = await AgentProcess.StartAsync(output, Flags(citadel, "web", "--cert-ttl", "00:00:04", "--renew-at", "0.5"));

        var first = await Eventually.ValueAsync(() => Task.FromResult(Serial(output)), s => s is not null, Wait, "the first certificate");
        var second = await Eventually.ValueAsync(() => Task.FromResult(Serial(output)), s => s is not null && s != first, Wait, "a renewed certificate");

        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task CitadelStopped_TheAgentKeepsItsCertificate_AndRenewsOnceCitadelIsBack()
    {
        var citadel = await CitadelForAgent.StartAsync();
        var dataDir = citadel.DataDir;
        var port = citadel.Ports.BoundPort(MeshPort.Ca);
        var output = TempDirectory.Create("agent-out");
        await using var agent = await AgentProcess.StartAsync(output, Flags(citadel, "web",
            "--cert-ttl", "00:00:06", "--renew-at", "0.5", "--retry-initial", "00:00:00.2", "--retry-max", "00:00:01"));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var first = await Eventually.ValueAsync(() => Task.FromResult(Serial(output)), s => s is not null, Wait, "the first certificate");

        await citadel.DisposeAsync();
        await Eventually.ValueAsync(() => http.GetStringAsync(agent.Monitoring("/metrics")), m => m.Contains("result=\"failure\"", StringComparison.Ordinal), Wait, "a failed renewal counted");
        var kept = Serial(output);
        await using var restarted = await CitadelForAgent.StartAsync("--data-dir", dataDir, "--ca-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var renewed = await Eventually.ValueAsync(() => Task.FromResult(Serial(output)), s => s is not null && s != kept, Wait, "a certificate from the restarted Citadel");

        Assert.NotNull(kept);
        Assert.NotEqual(kept, renewed);
        Assert.True(File.Exists(Path.Combine(output, "key.pem")));
        Assert.NotNull(first);
    }

    private static string[] Flags(TestHost citadel, string serviceAccount, params string[] more) =>
    [
        "--ca-address", CitadelForAgent.Address(citadel),
        "--root-cert", CitadelForAgent.RootCert(citadel),
        "--token-file", CitadelForAgent.TokenFile(citadel, "default", serviceAccount),
        .. more,
    ];

    private static string? Serial(string output)
    {
        try
        {
            using var leaf = X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(output, "cert-chain.pem")));
            return leaf.SerialNumber;
        }
        catch (Exception e) when (e is IOException or System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
