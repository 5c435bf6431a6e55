using System.Net;
using System.Security.Cryptography.X509Certificates;
using ControlPlane.Citadel.Tests.Support;
using ControlPlane.Shared.Hosting;

namespace ControlPlane.Citadel.Tests.Api;

/// <summary>What Citadel shows on the monitoring port: the root bundle, Istio-named metrics, readiness.</summary>
public sealed class MonitoringTests
{
    [Fact]
    public async Task Metrics_AfterIssuancesAndRefusals_CountThemUnderIstiosNames()
    {
        await using var citadel = await CitadelFixture.StartAsync();
        using var client = citadel.Client();
        var token = citadel.Token("default", "web");
        await client.CreateAsync(Csr.Ec("spiffe://cluster.local/ns/default/sa/web").Pem, token);
        await client.RefusedAsync(Csr.Ec("spiffe://cluster.local/ns/default/sa/web").Pem);
        await client.RefusedAsync("garbage", token);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };

        var metrics = await http.GetStringAsync(new Uri(citadel.Host.Address(MeshPort.Monitoring), "/metrics"));

        Assert.Contains("citadel_server_csr_count 3", metrics, StringComparison.Ordinal);
        Assert.Contains("citadel_server_success_cert_issuance_count 1", metrics, StringComparison.Ordinal);
        Assert.Contains("citadel_server_authentication_failure_count 1", metrics, StringComparison.Ordinal);
        Assert.Contains("citadel_server_csr_parsing_err_count 1", metrics, StringComparison.Ordinal);
        using var root = X509Certificate2.CreateFromPem(citadel.RootBundle);
        var expiry = new DateTimeOffset(root.NotAfter.ToUniversalTime()).ToUnixTimeSeconds();
        Assert.Matches($@"citadel_server_root_cert_expiry_timestamp {expiry}(\s|$)", metrics);
    }

    [Fact]
    public async Task RootCert_OnTheMonitoringPort_IsTheBundleWrittenToTheDataDir()
    {
        await using var citadel = await CitadelFixture.StartAsync();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };

        var served = await http.GetStringAsync(new Uri(citadel.Host.Address(MeshPort.Monitoring), "/debug/root-cert"));
        var ready = await http.GetAsync(new Uri(citadel.Host.Address(MeshPort.Monitoring), "/healthz/ready"));

        Assert.Equal(citadel.RootBundle, served);
        Assert.StartsWith("-----BEGIN CERTIFICATE-----", served, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }
}
