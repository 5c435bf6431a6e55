namespace ControlPlane.Shared.Xds;

/// <summary>
/// What one stream asked for of one type: every resource (wildcard), named resources, or both.
/// See https://www.envoyproxy.io/docs/envoy/latest/api-docs/xds_protocol#how-the-client-specifies-what-resources-to-return
/// </summary>
public sealed class XdsSubscription
{
    /// <summary>The wildcard name clients send to ask for every resource of a type.</summary>
    public const string WildcardName = "*";

    internal XdsSubscription(bool isWildcard, IReadOnlySet<string> names)
    {
        IsWildcard = isWildcard;
        Names = names;
    }

    /// <summary>True when the client wants every resource of the type.</summary>
    public bool IsWildcard { get; }

    /// <summary>The explicitly named resources (never containing <c>*</c>).</summary>
    public IReadOnlySet<string> Names { get; }

    /// <summary>True when nothing at all is subscribed.</summary>
    public bool IsEmpty => !IsWildcard && Names.Count == 0;

    /// <summary>Whether a resource with this name belongs to the subscription.</summary>
    public bool Includes(string name) => IsWildcard || Names.Contains(name);

    /// <inheritdoc />
    public override string ToString() => IsWildcard
        ? (Names.Count == 0 ? "*" : $"*+[{string.Join(",", Names)}]")
        : $"[{string.Join(",", Names)}]";
}
