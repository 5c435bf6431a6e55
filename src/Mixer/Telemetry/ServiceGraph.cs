using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ControlPlane.Mixer.Telemetry;

/// <summary>
/// The service graph built from the same access logs as the metrics: for each reporter, edges from
/// the source workload to the destination service and from that service to the destination workload
/// (when the reporter knows it), each with its request count, errors (5xx, or a gRPC status other
/// than OK) and latency over the last <see cref="MixerOptions.GraphWindowSeconds"/>. Node names come
/// through the same label limiters, and edges are capped, so a flood cannot grow it without bound.
/// </summary>
internal sealed class ServiceGraph(TimeProvider time, IOptions<MixerOptions> options)
{
    public const int MaxEdges = 10000;

    private readonly ConcurrentDictionary<GraphEdgeKey, EdgeStats> _edges = new();
    private readonly long _windowSeconds = Math.Max(EdgeStats.Slots, options.Value.GraphWindowSeconds);
    private long _dropped;

    public int EdgeCount => _edges.Count;

    public long Dropped => Interlocked.Read(ref _dropped);

    public static string WorkloadNode(string ns, string workload) => $"workload:{ns}/{workload}";

    public static string ServiceNode(string host) => "service:" + host;

    public void Record(string reporter, string source, string target, double milliseconds, bool error)
    {
        var key = new GraphEdgeKey(reporter, source, target);
        if (!_edges.TryGetValue(key, out var stats))
        {
            if (_edges.Count >= MaxEdges)
            {
                Interlocked.Increment(ref _dropped);
                return;
            }

            stats = _edges.GetOrAdd(key, _ => new EdgeStats(_windowSeconds / EdgeStats.Slots));
        }

        stats.Record(time.GetUtcNow().ToUnixTimeSeconds(), milliseconds, error);
    }

    public GraphView View(string reporter)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var window = _windowSeconds / EdgeStats.Slots * EdgeStats.Slots;
        var nodes = new SortedDictionary<string, GraphNodeView>(StringComparer.Ordinal);
        var views = new List<GraphEdgeView>();
        foreach (var (key, stats) in _edges)
        {
            if (key.Reporter != reporter)
            {
                continue;
            }

            var (requests, errors, p50, p99) = stats.Summarize(now);
            if (requests == 0)
            {
                continue;
            }

            AddNode(nodes, key.Source);
            AddNode(nodes, key.Target);
            views.Add(new GraphEdgeView(
                key.Source, key.Target, requests, Math.Round((double)requests / window, 3), errors,
                Math.Round((double)errors / window, 3), Math.Round((double)errors / requests, 4), p50, p99));
        }

        views.Sort((a, b) => string.CompareOrdinal(a.Source + "\n" + a.Target, b.Source + "\n" + b.Target));
        return new GraphView(reporter, window, [.. nodes.Values], views);
    }

    private static void AddNode(SortedDictionary<string, GraphNodeView> nodes, string id)
    {
        if (!nodes.ContainsKey(id))
        {
            var colon = id.IndexOf(':');
            nodes[id] = new GraphNodeView(id, id[..colon], id[(colon + 1)..]);
        }
    }
}
