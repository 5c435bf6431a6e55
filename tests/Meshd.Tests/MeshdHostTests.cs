using System.Net;
using System.Text.Json;
using ControlPlane.Meshd;
using ControlPlane.Shared.Hosting;
using ControlPlane.TestSupport;

namespace ControlPlane.Meshd.Tests;

public sealed class MeshdHostTests
{
    [Fact]
    public async Task Start_WithPortZero_WritesTheBoundPortsToPortsJson()
    {
        await using var host = await TestHost.StartAsync(MeshdHost.Definition);

        var json = await File.ReadAllTextAsync(Path.Combine(host.DataDir, "ports.json"));
        var ports = JsonSerializer.Deserialize<Dictionary<string, int>>(json)!;

        Assert.Equal(host.Ports.BoundPort(MeshPort.Monitoring), ports["monitoring"]);
        Assert.Equal(host.Ports.BoundPort(MeshPort.Galley), ports["galley"]);
        Assert.All(ports.Values, p => Assert.InRange(p, 1, 65535));
    }

    [Fact]
    public async Task Monitoring_ServesHealthAndMetricsOnlyOnTheMonitoringPort()
    {
        await using var host = await TestHost.StartAsync(MeshdHost.Definition);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        var live = await http.GetAsync(new Uri(host.Address(MeshPort.Monitoring), "/healthz/live"));
        var ready = await http.GetAsync(new Uri(host.Address(MeshPort.Monitoring), "/healthz/ready"));
        var metrics = await http.GetStringAsync(new Uri(host.Address(MeshPort.Monitoring), "/metrics"));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("# TYPE", metrics, StringComparison.Ordinal);

        using var h2 = new HttpClient { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact, Timeout = TimeSpan.FromSeconds(10) };
        var wrongPort = await h2.GetAsync(new Uri(host.Address(MeshPort.Galley), "/metrics"));
        Assert.Equal(HttpStatusCode.NotFound, wrongPort.StatusCode);
    }

    [Fact]
    public void Build_UnknownFlag_IsAUsageError()
    {
        var error = Assert.Throws<MeshUsageException>(() => MeshHost.Build(MeshdHost.Definition, ["--no-such-flag", "1"]));

        Assert.Contains("--no-such-flag", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_PortOutOfRange_IsAUsageErrorNamingTheFlag()
    {
        var error = Assert.Throws<MeshUsageException>(() => MeshHost.Build(MeshdHost.Definition, ["--galley-port", "70000"]));

        Assert.Contains("--galley-port", error.Message, StringComparison.Ordinal);
    }
}
