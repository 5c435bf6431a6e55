using System.Net;
using ControlPlane.Meshd;
using ControlPlane.Shared.Hosting;
using ControlPlane.TestSupport;

namespace ControlPlane.Meshd.Tests;

/// <summary>Citadel inside Meshd: its port, its root bundle and the local JWT issuer key in Meshd's data directory.</summary>
public sealed class MeshdCitadelTests
{
    [Fact]
    public async Task Start_Meshd_ServesTheCaPortRootBundleAndKeepsTheLocalIssuerKey()
    {
        await using var host = await TestHost.StartAsync(MeshdHost.Definition);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        var bundle = await http.GetStringAsync(new Uri(host.Address(MeshPort.Monitoring), "/debug/root-cert"));
        var ready = await http.GetAsync(new Uri(host.Address(MeshPort.Monitoring), "/healthz/ready"));

        Assert.InRange(host.Ports.BoundPort(MeshPort.Ca), 1, 65535);
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(host.DataDir, "root-cert.pem")), bundle);
        Assert.True(File.Exists(Path.Combine(host.DataDir, "jwt", "issuer-key.pem")));
        Assert.True(File.Exists(Path.Combine(host.DataDir, "jwt", "jwks.json")));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var (code, output) = await OpenSsl.RunAsync(host.DataDir, "s_client", "-connect", $"127.0.0.1:{host.Ports.BoundPort(MeshPort.Ca)}",
            "-CAfile", "root-cert.pem", "-verify_return_error", "-alpn", "h2");
        Assert.True(code == 0, output);
    }
}
