namespace ControlPlane.Shared.Xds.Server;

/// <summary>State of one type URL on one state-of-the-world stream.</summary>
internal sealed class SotwTypeState
{
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private bool _wildcard;
    private bool _legacyWildcard;
    private XdsSubscription? _subscription;

    public bool Requested { get; private set; }

    public string? LastNonce { get; set; }

    public string? LastVersion { get; set; }

    /// <summary>Name and version of every resource in the last response, in order.</summary>
    public IReadOnlyList<(string Name, string Version)>? LastSent { get; set; }

    /// <summary>The current subscription, rebuilt only when it changes (it is read on every push).</summary>
    public XdsSubscription Subscription => _subscription ??= new(_wildcard, _names.ToHashSet(StringComparer.Ordinal));

    /// <summary>
    /// Applies a request's <c>resource_names</c>; true when the subscription changed. An empty list
    /// on the first request is the legacy wildcard, and stays wildcard while the list stays empty;
    /// <c>*</c> is the explicit wildcard; an empty list after named or explicit subscriptions
    /// unsubscribes from everything.
    /// https://www.envoyproxy.io/docs/envoy/latest/api-docs/xds_protocol#how-the-client-specifies-what-resources-to-return
    /// </summary>
    public bool UpdateSubscription(IReadOnlyCollection<string> names)
    {
        var first = !Requested;
        Requested = true;
        _subscription = null;
        if (names.Count == 0)
        {
            if (first)
            {
                _legacyWildcard = _wildcard = true;
                return true;
            }

            if (_legacyWildcard)
            {
                return false;
            }

            var hadAny = _wildcard || _names.Count > 0;
            _wildcard = false;
            _names.Clear();
            return hadAny;
        }

        _legacyWildcard = false;
        var wildcard = names.Contains(XdsSubscription.WildcardName);
        var explicitNames = names.Where(n => n != XdsSubscription.WildcardName).ToHashSet(StringComparer.Ordinal);
        var changed = first || wildcard != _wildcard || !_names.SetEquals(explicitNames);
        _wildcard = wildcard;
        _names.Clear();
        _names.UnionWith(explicitNames);
        return changed;
    }
}
