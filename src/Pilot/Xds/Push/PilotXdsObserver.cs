using System.Collections.Concurrent;
using ControlPlane.Pilot.Xds.Generation;
using ControlPlane.Shared.Xds;
using ControlPlane.Shared.Xds.Server;
using Prometheus;
using ControlPlane.Shared.Hosting;

namespace ControlPlane.Pilot.Xds.Push;

/// <summary>
/// Pilot's view of its streams, with Istio's metric names: <c>pilot_xds</c> (connected clients),
/// <c>pilot_xds_pushes</c> (responses by type), <c>pilot_xds_push_time</c> (change to response
/// queued), <c>pilot_proxy_convergence_time</c> (change to ACK), <c>pilot_total_xds_rejects</c>
/// (NACKs; the xDS server logs each with the client's message). A push is timed from the change
/// behind the set it sent (<see cref="XdsResourceSet.ChangedAt"/>); a response that answers a new
/// subscription rather than a change, from the request.
/// </summary>
internal sealed class PilotXdsObserver : IXdsStreamObserver
{
    private readonly Gauge _clients;
    private readonly Counter _pushes;
    private readonly Histogram _pushTime;
    private readonly Histogram _convergence;
    private readonly Counter _rejects;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<(long Stream, string Type), Pending> _pending = new();

    public PilotXdsObserver(IMetricFactory metrics, TimeProvider time)
    {
        _time = time;
        var buckets = new[] { .01, .1, .5, 1, 3, 5, 10, 20, 30 };
        _clients = metrics.CreateGauge("pilot_xds", "Number of endpoints connected to this pilot using XDS.");
        _pushes = metrics.CreateCounter("pilot_xds_pushes", "Pilot build and send errors for lds, rds, cds and eds.", ["type"]);
        _pushTime = metrics.CreateHistogram("pilot_xds_push_time", "Total time in seconds Pilot takes to push lds, rds, cds and eds.", ["type"], new HistogramConfiguration { Buckets = buckets });
        _convergence = metrics.CreateHistogram("pilot_proxy_convergence_time", "Delay in seconds between config change and a proxy receiving all required configuration.", new HistogramConfiguration { Buckets = buckets });
        _rejects = metrics.CreateCounter("pilot_total_xds_rejects", "Total number of XDS responses from pilot rejected by proxy.", ["type"]);
    }

    void IXdsStreamObserver.StreamOpened(XdsStreamContext stream) => _clients.Inc();

    void IXdsStreamObserver.StreamClosed(XdsStreamContext stream, string? reason)
    {
        _clients.Dec();
        foreach (var key in _pending.Keys.Where(k => k.Stream == stream.StreamId))
        {
            _pending.TryRemove(key, out _);
        }
    }

    void IXdsStreamObserver.RequestReceived(XdsStreamContext stream, string typeUrl) =>
        _pending.AddOrUpdate((stream.StreamId, typeUrl), _ => new Pending(_time.GetTimestamp(), null), (_, p) => p.Version is null ? new Pending(_time.GetTimestamp(), null) : p);

    void IXdsStreamObserver.ResponseSent(XdsStreamContext stream, XdsSentResponse response)
    {
        var now = _time.GetTimestamp();
        var key = (stream.StreamId, response.TypeUrl);
        var changedAt = response.Set.ChangedAt;
        var requestedAt = _pending.TryGetValue(key, out var pending) ? pending.Since : now;
        // A push caused by a change is timed from the change; the first answer to a request from the request.
        var since = changedAt is { } c && c > requestedAt ? c : requestedAt;
        _pending[key] = new Pending(since, response.Version);
        var type = XdsTypeNames.ShortName(response.TypeUrl).ToLowerInvariant();
        _pushes.WithLabels(type).Inc();
        _pushTime.WithLabels(type).Observe(_time.GetElapsedTime(since, now).TotalSeconds);
    }

    void IXdsStreamObserver.Acked(XdsStreamContext stream, string typeUrl, string version, string nonce)
    {
        var key = (stream.StreamId, typeUrl);
        if (_pending.TryGetValue(key, out var pending) && pending.Version == version)
        {
            var now = _time.GetTimestamp();
            _convergence.Observe(_time.GetElapsedTime(pending.Since, now).TotalSeconds);
            _pending[key] = new Pending(now, null);
        }
    }

    void IXdsStreamObserver.Nacked(XdsStreamContext stream, string typeUrl, string version, string nonce, string errorMessage) =>
        _rejects.WithLabels(XdsTypeNames.ShortName(typeUrl).ToLowerInvariant()).Inc();

    private sealed record Pending(long Since, string? Version);
}
