namespace ControlPlane.Shared.Xds.Client;

/// <summary>The client's view of one type: what it wants, what it accepted, where the stream is.</summary>
internal sealed class XdsClientTypeState(string typeUrl)
{
    public string TypeUrl { get; } = typeUrl;

    /// <summary>False once unsubscribed: nothing is asked for, nothing held.</summary>
    public bool Subscribed { get; set; }

    public bool Wildcard { get; set; }

    public HashSet<string> Names { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, XdsClientResource> Resources { get; } = new(StringComparer.Ordinal);

    public string AcceptedVersion { get; set; } = string.Empty;

    /// <summary>Nonce of the last response seen on the current stream (SotW echoes it).</summary>
    public string LastNonce { get; set; } = string.Empty;

    /// <summary>Delta: what the server was told, to send only subscription differences.</summary>
    public bool WireWildcard { get; set; }

    /// <summary>Delta: the names the server was told.</summary>
    public HashSet<string> WireNames { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether the subscription names anything (an empty named one must not go on the wire: it would read as wildcard).</summary>
    public bool WantsAnything => Subscribed && (Wildcard || Names.Count > 0);

    /// <summary>SotW: the server has heard of this type on the current stream.</summary>
    public bool OnWire { get; set; }

    public bool Includes(string name) => Wildcard || Names.Contains(name);

    /// <summary>Drops held resources the subscription no longer covers; returns their names.</summary>
    public List<string> DropUnsubscribed()
    {
        var dropped = Resources.Keys.Where(n => !Subscribed || !Includes(n)).ToList();
        foreach (var name in dropped)
        {
            Resources.Remove(name);
        }

        return dropped;
    }

    /// <summary>Applies accepted upserts and removals; returns what actually changed.</summary>
    public XdsClientUpdate Apply(string version, IEnumerable<XdsClientResource> upserts, IEnumerable<string> removals)
    {
        AcceptedVersion = version;
        var upserted = new List<XdsClientResource>();
        foreach (var resource in upserts)
        {
            if (!Resources.TryGetValue(resource.Name, out var held) || !held.Body.Value.Equals(resource.Body.Value) || held.Version != resource.Version)
            {
                upserted.Add(resource);
            }

            Resources[resource.Name] = resource;
        }

        var removed = removals.Where(Resources.Remove).ToList();
        return new XdsClientUpdate(TypeUrl, version, upserted, removed);
    }
}
