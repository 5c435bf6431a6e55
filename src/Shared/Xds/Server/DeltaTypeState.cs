namespace ControlPlane.Shared.Xds.Server;

/// <summary>State of one type URL on one delta stream.</summary>
internal sealed class DeltaTypeState
{
    private readonly List<(string Nonce, string Version)> _pending = [];

    public bool Requested { get; set; }

    public bool Wildcard { get; set; }

    public HashSet<string> Names { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// What the client holds, by name: seeded from <c>initial_resource_versions</c>, then every
    /// version sent. A NACKed version stays recorded, so it is not sent again; the next real
    /// change has a new version and is.
    /// </summary>
    public Dictionary<string, string> ClientVersions { get; } = new(StringComparer.Ordinal);

    public XdsSubscription Subscription => new(Wildcard, Names.ToHashSet(StringComparer.Ordinal));

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
