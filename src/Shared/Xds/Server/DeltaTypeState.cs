namespace ControlPlane.Shared.Xds.Server;

/// <summary>State of one type URL on one delta stream.</summary>
internal sealed class DeltaTypeState
{
    private readonly List<(string Nonce, string Version)> _pending = [];
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private XdsSubscription? _subscription;

    public bool Requested { get; set; }

    /// <summary>Whether any response of this type was sent; the first one is sent even when empty.</summary>
    public bool Answered { get; set; }

    public bool Wildcard { get; private set; }

    /// <summary>
    /// What the client holds, by name: seeded from <c>initial_resource_versions</c>, then every
    /// version sent. A NACKed version stays recorded, so it is not sent again; the next real
    /// change has a new version and is.
    /// </summary>
    public Dictionary<string, string> ClientVersions { get; } = new(StringComparer.Ordinal);

    /// <summary>The current subscription, rebuilt only when it changes (it is read on every push).</summary>
    public XdsSubscription Subscription => _subscription ??= new(Wildcard, _names.ToHashSet(StringComparer.Ordinal));

    /// <summary>Subscribes to a name or to <c>*</c>; true when that changed anything.</summary>
    public bool Subscribe(string name)
    {
        var changed = name == XdsSubscription.WildcardName ? !Wildcard : _names.Add(name);
        Wildcard |= name == XdsSubscription.WildcardName;
        _subscription = changed ? null : _subscription;
        return changed;
    }

    /// <summary>Unsubscribes from a name or from <c>*</c>; true when that changed anything.</summary>
    public bool Unsubscribe(string name)
    {
        var changed = name == XdsSubscription.WildcardName ? Wildcard : _names.Remove(name);
        Wildcard &= name != XdsSubscription.WildcardName;
        _subscription = changed ? null : _subscription;
        return changed;
    }

    public void AddPending(string nonce, string version) => _pending.Add((nonce, version));

    /// <summary>
    /// Resolves an ACK/NACK nonce: returns the version that response carried and forgets it and
    /// every older one (a client answers in order), or null for an unknown/stale nonce.
    /// </summary>
    public string? ResolvePending(string nonce)
    {
        var index = _pending.FindIndex(p => p.Nonce == nonce);
        if (index < 0)
        {
            return null;
        }

        var version = _pending[index].Version;
        _pending.RemoveRange(0, index + 1);
        return version;
    }
}
