using Google.Protobuf;

namespace ControlPlane.Shared.Xds;

/// <summary>
/// The simplest <see cref="IXdsResourceProvider"/>: every client gets the same snapshot. Set a new
/// snapshot (or one type of it) and every stream is told which types changed.
/// </summary>
public sealed class XdsSnapshotCache : IXdsResourceProvider
{
    private readonly Lock _gate = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _everSet = new(StringComparer.Ordinal);
    private XdsSnapshot _snapshot = XdsSnapshot.Empty;

    /// <inheritdoc />
    public event EventHandler<XdsChange>? Changed;

    /// <summary>The snapshot served now.</summary>
    public XdsSnapshot Snapshot => Volatile.Read(ref _snapshot);

    /// <inheritdoc />
    /// <remarks>
    /// A type never set is unknown (null): set every type served, empty ones included, once loaded.
    /// A type set once and later left out of a snapshot is empty (its resources are removed).
    /// </remarks>
    public XdsResourceSet? GetResources(XdsStreamContext stream, string typeUrl, XdsSubscription subscription) =>
        Snapshot.TryGet(typeUrl) ?? (_everSet.ContainsKey(typeUrl) ? XdsResourceSet.Empty : null);

    /// <summary>Replaces the whole snapshot; streams hear about the types whose version changed.</summary>
    public void SetSnapshot(XdsSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        IReadOnlyList<string> changed;
        lock (_gate)
        {
            changed = snapshot.ChangedTypesSince(_snapshot);
            foreach (var typeUrl in snapshot.TypeUrls)
            {
                _everSet[typeUrl] = true;
            }
            Volatile.Write(ref _snapshot, snapshot);
        }

        Notify(changed);
    }

    /// <summary>Replaces one type's resources with packed messages (name, message) at <paramref name="version"/>.</summary>
    public void SetResources(string typeUrl, string version, IEnumerable<KeyValuePair<string, IMessage>> messages) =>
        SetResources(typeUrl, new XdsResourceSet(version, messages.Select(m => XdsResource.Create(m.Key, m.Value))));

    /// <summary>Replaces one type's resources.</summary>
    public void SetResources(string typeUrl, XdsResourceSet resources)
    {
        bool changed;
        lock (_gate)
        {
            var previous = _snapshot;
            changed = previous.Get(typeUrl).Version != resources.Version || !previous.TypeUrls.Contains(typeUrl);
            _everSet[typeUrl] = true;
            Volatile.Write(ref _snapshot, previous.With(typeUrl, resources));
        }

        if (changed)
        {
            Notify([typeUrl]);
        }
    }

    private void Notify(IReadOnlyList<string> typeUrls)
    {
        if (typeUrls.Count > 0)
        {
            Changed?.Invoke(this, new XdsChange(typeUrls));
        }
    }
}
