using ControlPlane.Mixer.Telemetry;
using ControlPlane.Mixer.Tests.Support;
using Microsoft.Extensions.Options;
using Prometheus;

namespace ControlPlane.Mixer.Tests.Telemetry;

public sealed class CardinalityTests
{
    [Fact]
    public async Task Ingest_FloodOfUniqueWorkloadsAndServices_StaysWithinTheLabelAndSeriesCaps()
    {
        var options = Options.Create(new MixerOptions { MaxLabelValues = 20, MaxSeries = 50 });
        var registry = Metrics.NewCustomRegistry();
        var factory = Metrics.WithCustomRegistry(registry);
        var metrics = new IstioMetrics(factory, options);
        var graph = new ServiceGraph(TimeProvider.System, options);
        var ingestor = new AccessLogIngestor(metrics, new LabelLimits(options), graph, factory);

        for (var i = 0; i < 20000; i++)
        {
            var node = new WorkloadIdentity($"flood-{i}", $"ns-{i % 997}", "v1");
            ingestor.Ingest(node, AccessLogs.HttpEntry($"outbound|80||svc-{i}.ns-{i}.svc.cluster.local", 200, 1, localPrincipal: $"spiffe://x/ns/a/sa/{i}"));
        }

        using var exposition = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(exposition).WaitAsync(TimeSpan.FromSeconds(10));
        var text = System.Text.Encoding.UTF8.GetString(exposition.ToArray());
        var series = MetricsText.Samples(text, "istio_requests_total").ToList();

        Assert.InRange(metrics.HttpSeriesCount, 1, 51);
        Assert.Equal(metrics.HttpSeriesCount, series.Count);
        Assert.Equal(20000, series.Sum(s => s.Value));
        Assert.Contains(series, s => s.Labels.Contains("source_workload=other"));
        Assert.InRange(graph.EdgeCount, 1, 60);
    }

    [Fact]
    public void Admit_LongValues_AreCut()
    {
        var limiter = new LabelValueLimiter(10);

        Assert.Equal(LabelValueLimiter.MaxLength, limiter.Admit(new string('a', 10_000)).Length);
    }

    [Fact]
    public void Admit_PastTheCap_ReturnsOtherAndKeepsKnownValues()
    {
        var limiter = new LabelValueLimiter(2);

        Assert.Equal("a", limiter.Admit("a"));
        Assert.Equal("b", limiter.Admit("b"));
        Assert.Equal(LabelValueLimiter.Other, limiter.Admit("c"));
        Assert.Equal("a", limiter.Admit("a"));
        Assert.Equal(1, limiter.Refused);
    }
}
