using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using ControlPlane.Mixer.Tests.Api;
using ControlPlane.Mixer.Tests.Support;
using ControlPlane.Shared.Hosting;
using ControlPlane.TestSupport;

namespace ControlPlane.Mixer.Tests.Telemetry;

/// <summary>Mixer's /metrics as real Prometheus tools see it: promtool's linter and a scraping prometheus server.</summary>
public sealed class PrometheusScrapeTests
{
    private const string Reviews = "outbound|9080|v2|reviews.default.svc.cluster.local";

    [Fact]
    public async Task PromtoolCheckMetrics_OnMixerMetrics_ReportsOnlyIstiosMillisecondUnit()
    {
        await using var mixer = await MixerTestHost.StartAsync();
        await AccessLogApiTests.SendAsync(mixer, AccessLogs.SidecarNode("productpage-v1", "default", "v1"),
            AccessLogs.Http(AccessLogs.HttpEntry(Reviews, 200, 3)),
            AccessLogs.Tcp(AccessLogs.TcpEntry("outbound|27017||mongodb.db.svc.cluster.local", Envoy.Data.Accesslog.V3.AccessLogType.NotSet, 1, 2)));

        var (exitCode, output) = await ProcessRunner.RunAsync("promtool", ["check", "metrics"], TimeSpan.FromSeconds(30), standardInput: await mixer.MetricsAsync());

        // Istio's own name istio_request_duration_milliseconds breaks promtool's base-unit lint rule
        // (exit code 3, lint problems only); it is kept because dashboards and alerts use that name.
        var problems = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(exitCode is 0 or 3, $"promtool exit code {exitCode}: {output}");
        Assert.All(problems, p => Assert.Equal("istio_request_duration_milliseconds use base unit \"seconds\" instead of \"milliseconds\"", p));
    }

    [Fact]
    public async Task Prometheus_ScrapingMixer_ReturnsTheIstioSeriesFromItsQueryApi()
    {
        await using var mixer = await MixerTestHost.StartAsync();
        await AccessLogApiTests.SendAsync(mixer, AccessLogs.SidecarNode("productpage-v1", "default", "v1"),
            AccessLogs.Http(AccessLogs.HttpEntry(Reviews, 200, 3), AccessLogs.HttpEntry(Reviews, 200, 4), AccessLogs.HttpEntry(Reviews, 404, 5)));

        var directory = TempDirectory.Create("prometheus");
        var port = FreePort();
        var config = Path.Combine(directory, "prometheus.yml");
        await File.WriteAllTextAsync(config, $"""
            global:
              scrape_interval: 1s
            scrape_configs:
              - job_name: mixer
                static_configs:
                  - targets: ["127.0.0.1:{mixer.Host.Ports.BoundPort(MeshPort.Monitoring)}"]
            """);
        await using var prometheus = ProcessRunner.Start("prometheus",
        [
            "--config.file=" + config, "--storage.tsdb.path=" + Path.Combine(directory, "data"),
            $"--web.listen-address=127.0.0.1:{port}", "--log.level=warn",
        ]);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };

        var query = Uri.EscapeDataString("""istio_requests_total{job="mixer",source_workload="productpage-v1",response_code="200",destination_service_name="reviews"}""");
        var value = await Eventually.ValueAsync(
            async () => await QueryAsync(http, "/api/v1/query?query=" + query),
            v => v == 2,
            TimeSpan.FromSeconds(60),
            "prometheus to scrape istio_requests_total from Mixer");

        Assert.Equal(2, value);
        Assert.Equal(1, await QueryAsync(http, "/api/v1/query?query=" + Uri.EscapeDataString("""sum(istio_requests_total{response_code="404"})""")));
    }

    private static async Task<double?> QueryAsync(HttpClient http, string path)
    {
        try
        {
            using var json = JsonDocument.Parse(await http.GetStringAsync(new Uri(path, UriKind.Relative)));
            var result = json.RootElement.GetProperty("data").GetProperty("result");
            return result.GetArrayLength() == 1
                ? double.Parse(result[0].GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture)
                : null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (TaskCanceledException)
        {
            return null;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
