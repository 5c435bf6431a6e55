using System.Collections.Concurrent;

namespace ControlPlane.Shared.Xds.Server;

/// <summary>
/// An in-memory table of connected clients: per stream and type, the version sent, the version
/// acknowledged and the last NACK. Backs <c>/debug/syncz</c> and <c>meshctl proxy-status</c>.
/// </summary>
public sealed class XdsStatusTracker(TimeProvider time) : IXdsStreamObserver
{
    private readonly ConcurrentDictionary<long, Entry> _streams = new();

    /// <summary>A copy of the table, ordered by node id then stream id.</summary>
    public IReadOnlyList<XdsClientStatus> Clients() =>
        _streams.Values
            .Select(e => e.ToStatus())
            .OrderBy(c => c.NodeId, StringComparer.Ordinal)
            .ThenBy(c => c.StreamId)
            .ToList();

    /// <summary>The streams of one node (usually one).</summary>
    public IReadOnlyList<XdsClientStatus> ForNode(string nodeId) => Clients().Where(c => c.NodeId == nodeId).ToList();

    void IXdsStreamObserver.StreamOpened(XdsStreamContext stream) => _streams[stream.StreamId] = new Entry(stream);

    void IXdsStreamObserver.StreamClosed(XdsStreamContext stream, string? reason) => _streams.TryRemove(stream.StreamId, out _);

    void IXdsStreamObserver.SubscriptionChanged(XdsStreamContext stream, string typeUrl, XdsSubscription subscription) =>
        Update(stream, typeUrl, t => t with { Subscription = subscription });

    void IXdsStreamObserver.ResponseSent(XdsStreamContext stream, XdsSentResponse response) =>
        Update(stream, response.TypeUrl, t => t with { SentVersion = response.Version, SentNonce = response.Nonce, Pushes = t.Pushes + 1 });

    void IXdsStreamObserver.Acked(XdsStreamContext stream, string typeUrl, string version, string nonce) =>
        Update(stream, typeUrl, t => t with { AckedVersion = version, Acks = t.Acks + 1 });

    void IXdsStreamObserver.Nacked(XdsStreamContext stream, string typeUrl, string version, string nonce, string errorMessage) =>
        Update(stream, typeUrl, t => t with { LastNack = new XdsNackStatus(version, nonce, errorMessage, time.GetUtcNow()), Nacks = t.Nacks + 1 });

    private void Update(XdsStreamContext stream, string typeUrl, Func<XdsTypeStatus, XdsTypeStatus> change)
    {
        if (_streams.TryGetValue(stream.StreamId, out var entry))
        {
            entry.Types.AddOrUpdate(
                typeUrl,
                t => change(new XdsTypeStatus(t, null, null, null, null, null, 0, 0, 0)),
                (_, current) => change(current));
        }
    }

    private sealed class Entry(XdsStreamContext stream)
    {
        public ConcurrentDictionary<string, XdsTypeStatus> Types { get; } = new(StringComparer.Ordinal);

        public XdsClientStatus ToStatus() => new(
            stream.NodeId,
            stream.StreamId,
            stream.Protocol,
            stream.Peer,
            stream.ConnectedAt,
            Types.Values.OrderBy(t => t.TypeUrl, StringComparer.Ordinal).ToList());
    }
}
