using System.Collections.Concurrent;
using ControlPlane.Shared.Xds;
using ControlPlane.Shared.Xds.Server;

namespace ControlPlane.Pilot.Debug;

/// <summary>
/// The resource sets each stream was last sent per type (the newest two versions), as the xDS
/// server reports its sends, so <c>/debug/config_dump</c> can show what a client has: the set at
/// the version it acknowledged. Holds references to shared sets only. Forgets a stream when it closes.
/// </summary>
internal sealed class ServedResourceLog : IXdsStreamObserver
{
    private readonly ConcurrentDictionary<(long Stream, string Type), (XdsResourceSet? Previous, XdsResourceSet Latest)> _served = new();

    void IXdsStreamObserver.ResponseSent(XdsStreamContext stream, XdsSentResponse response) =>
        _served.AddOrUpdate(
            (stream.StreamId, response.TypeUrl),
            _ => (null, response.Set),
            (_, current) => current.Latest.Version == response.Set.Version ? current : (current.Latest, response.Set));

    /// <summary>The set of a stream and type at <paramref name="version"/>, if still remembered.</summary>
    public XdsResourceSet? Find(long streamId, string typeUrl, string version) =>
        _served.TryGetValue((streamId, typeUrl), out var sets)
            ? (sets.Latest.Version == version ? sets.Latest : sets.Previous?.Version == version ? sets.Previous : null)
            : null;

    void IXdsStreamObserver.StreamClosed(XdsStreamContext stream, string? reason)
    {
        foreach (var key in _served.Keys.Where(k => k.Stream == stream.StreamId))
        {
            _served.TryRemove(key, out _);
        }
    }
}
