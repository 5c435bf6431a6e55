using System.Collections.Concurrent;
using ControlPlane.Pilot.Xds.Generation;
using ControlPlane.Shared.Xds;
using ControlPlane.Shared.Xds.Server;
using Microsoft.Extensions.Logging;
using Prometheus;
using ControlPlane.Shared.Hosting;

namespace ControlPlane.Pilot.Xds.Push;

/// <summary>
/// Pilot's view of its streams, with Istio's metric names: <c>pilot_xds</c> (connected clients),
/// <c>pilot_xds_pushes</c> (responses by type), <c>pilot_xds_push_time</c> (change to response
/// queued), <c>pilot_proxy_convergence_time</c> (change to ACK), <c>pilot_total_xds_rejects</c>
/// (NACKs, each also logged with the client's message). A response that answers a new
/// subscription rather than a change is timed from the request.
/// </summary>
internal sealed partial class PilotXdsObserver : IXdsStreamObserver
{
    private readonly Gauge _clients;
    private readonly Counter _pushes;
    private readonly Histogram _pushTime;
    private readonly Histogram _convergence;
    private readonly Counter _rejects;
    private readonly PushTimeline _timeline;
    private readonly ILogger<PilotXdsObserver> _logger;
    private readonly ConcurrentDictionary<(long Stream, string Type), Pending> _pending = new();

    public PilotXdsObserver(IMetricFactory metrics, PushTimeline timeline, ILogger<PilotXdsObserver> logger)
    {
        _timeline = timeline;
        _logger = logger;
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
        _pending.AddOrUpdate((stream.StreamId, typeUrl), _ => new Pending(_timeline.Time.GetTimestamp(), null), (_, p) => p.Version is null ? new Pending(_timeline.Time.GetTimestamp(), null) : p);

    void IXdsStreamObserver.ResponseSent(XdsStreamContext stream, string typeUrl, string version, string nonce, int resourceCount)
    {
        var now = _timeline.Time.GetTimestamp();
        var key = (stream.StreamId, typeUrl);
        var changedAt = _timeline.ChangedAt(typeUrl);
        var requestedAt = _pending.TryGetValue(key, out var pending) ? pending.Since : now;
        // A push caused by a change is timed from the change; the first answer to a request from the request.
        var since = changedAt is { } c && c > requestedAt ? c : requestedAt;
        _pending[key] = new Pending(since, version);
        var type = XdsTypeNames.ShortName(typeUrl).ToLowerInvariant();
        _pushes.WithLabels(type).Inc();
        _pushTime.WithLabels(type).Observe(_timeline.Time.GetElapsedTime(since, now).TotalSeconds);
    }

    void IXdsStreamObserver.Acked(XdsStreamContext stream, string typeUrl, string version, string nonce)
    {
        var key = (stream.StreamId, typeUrl);
        if (_pending.TryGetValue(key, out var pending) && pending.Version == version)
        {
            var now = _timeline.Time.GetTimestamp();
            _convergence.Observe(_timeline.Time.GetElapsedTime(pending.Since, now).TotalSeconds);
            _pending[key] = new Pending(now, null);
        }
    }

    void IXdsStreamObserver.Nacked(XdsStreamContext stream, string typeUrl, string version, string nonce, string errorMessage)
    {
        _rejects.WithLabels(XdsTypeNames.ShortName(typeUrl).ToLowerInvariant()).Inc();
        LogNack(stream.NodeId, XdsTypeNames.ShortName(typeUrl), version, errorMessage);
    }

    [LoggerMessage(EventId = LogEventIds.PilotPush + 10, Level = LogLevel.Warning, Message = "Client {NodeId} rejected {Type} version {Version}: {Error}")]
    private partial void LogNack(string nodeId, string type, string version, string error);

    private sealed record Pending(long Since, string? Version);
}
