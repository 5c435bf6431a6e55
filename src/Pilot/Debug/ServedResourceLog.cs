using System.Collections.Concurrent;
using ControlPlane.Shared.Xds;
using ControlPlane.Shared.Xds.Server;

namespace ControlPlane.Pilot.Debug;

/// <summary>
/// The resource sets each stream was last served per type (the newest two versions), so
/// <c>/debug/config_dump</c> can show what a client has: the set at the version it acknowledged.
/// Holds references to shared sets only. Forgets a stream when it closes.
/// </summary>
internal sealed class ServedResourceLog : IXdsStreamObserver
{
    private readonly ConcurrentDictionary<(long Stream, string Type), (XdsResourceSet? Previous, XdsResourceSet Latest)> _served = new();

    public void Record(XdsStreamContext stream, string typeUrl, XdsResourceSet set) =>
        _served.AddOrUpdate(
            (stream.StreamId, typeUrl),
            _ => (null, set),
            (_, current) => current.Latest.Version == set.Version ? current : (current.Latest, set));

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
