using ControlPlane.Mixer.Telemetry;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ControlPlane.Mixer.Tests.Telemetry;

public sealed class ServiceGraphTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void View_RequestsOlderThanTheWindow_AreForgotten()
    {
        var graph = new ServiceGraph(_time, Options.Create(new MixerOptions { GraphWindowSeconds = 60 }));
        graph.Record("source", "workload:a/x", "service:y", 5, error: false);
        _time.Advance(TimeSpan.FromSeconds(30));
        graph.Record("source", "workload:a/x", "service:y", 5, error: true);

        Assert.Equal(2, Assert.Single(graph.View("source").Edges).Requests);
        _time.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(1, Assert.Single(graph.View("source").Edges).Requests);
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Empty(graph.View("source").Edges);
    }

    [Fact]
    public void View_ErrorsAndPercentiles_AreComputedOverTheWindow()
    {
        var graph = new ServiceGraph(_time, Options.Create(new MixerOptions { GraphWindowSeconds = 60 }));
        for (var i = 1; i <= 100; i++)
        {
            graph.Record("source", "workload:a/x", "service:y", i, error: i > 90);
        }

        var edge = Assert.Single(graph.View("source").Edges);

        Assert.Equal(10, edge.Errors);
        Assert.Equal(0.1, edge.ErrorRatio);
        Assert.InRange(edge.P50Milliseconds, 50, 62.5);
        Assert.InRange(edge.P99Milliseconds, 99, 124);
        Assert.Empty(graph.View("destination").Edges);
    }
}
