using Google.Protobuf;

namespace ControlPlane.Shared.Xds;

/// <summary>
/// An immutable, versioned set of resources per type URL (go-control-plane's snapshot). Type
/// URLs keep the order they were added in, which is the order changes are pushed in.
/// </summary>
public sealed class XdsSnapshot
{
    private readonly IReadOnlyDictionary<string, XdsResourceSet> _byType;

    private XdsSnapshot(IReadOnlyList<string> typeUrls, IReadOnlyDictionary<string, XdsResourceSet> byType)
    {
        TypeUrls = typeUrls;
        _byType = byType;
    }

    /// <summary>A snapshot with no types.</summary>
    public static XdsSnapshot Empty { get; } = new([], new Dictionary<string, XdsResourceSet>(StringComparer.Ordinal));

    /// <summary>The type URLs present, in insertion order.</summary>
    public IReadOnlyList<string> TypeUrls { get; }

    /// <summary>The set of a type, or <see cref="XdsResourceSet.Empty"/> when the type is absent.</summary>
    public XdsResourceSet Get(string typeUrl) => _byType.TryGetValue(typeUrl, out var set) ? set : XdsResourceSet.Empty;

    /// <summary>The set of a type, or null when the type is absent.</summary>
    public XdsResourceSet? TryGet(string typeUrl) => _byType.GetValueOrDefault(typeUrl);

    /// <summary>A copy with the type's resources replaced.</summary>
    public XdsSnapshot With(string typeUrl, XdsResourceSet resources)
    {
        ArgumentException.ThrowIfNullOrEmpty(typeUrl);
        ArgumentNullException.ThrowIfNull(resources);
        foreach (var resource in resources.Resources.Values)
        {
            if (resource.TypeUrl != typeUrl)
            {
                throw new ArgumentException($"resource '{resource.Name}' has type '{resource.TypeUrl}', not '{typeUrl}'", nameof(resources));
            }
        }

        var byType = new Dictionary<string, XdsResourceSet>(_byType, StringComparer.Ordinal) { [typeUrl] = resources };
        var order = _byType.ContainsKey(typeUrl) ? TypeUrls : [.. TypeUrls, typeUrl];
        return new XdsSnapshot(order, byType);
    }

    /// <summary>A copy with the type's resources replaced by packed messages at a set version.</summary>
    public XdsSnapshot With(string typeUrl, string version, IEnumerable<KeyValuePair<string, IMessage>> messages) =>
        With(typeUrl, new XdsResourceSet(version, messages.Select(m => XdsResource.Create(m.Key, m.Value))));

    /// <summary>A copy without the type.</summary>
    public XdsSnapshot Without(string typeUrl)
    {
        if (!_byType.ContainsKey(typeUrl))
        {
            return this;
        }

        var byType = new Dictionary<string, XdsResourceSet>(_byType, StringComparer.Ordinal);
        byType.Remove(typeUrl);
        return new XdsSnapshot(TypeUrls.Where(t => t != typeUrl).ToList(), byType);
    }

    /// <summary>The types whose version differs between two snapshots, in this snapshot's order then removed ones.</summary>
    public IReadOnlyList<string> ChangedTypesSince(XdsSnapshot previous) =>
        TypeUrls.Where(t => previous.Get(t).Version != Get(t).Version || !previous._byType.ContainsKey(t))
            .Concat(previous.TypeUrls.Where(t => !_byType.ContainsKey(t)))
            .ToList();
}
