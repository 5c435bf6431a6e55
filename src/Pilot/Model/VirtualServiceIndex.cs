using System.Collections.Frozen;
using ControlPlane.Shared.Config;
using ControlPlane.Shared.Registry;
using Istio.Networking.V1Alpha3;

namespace ControlPlane.Pilot.Model;

/// <summary>
/// VirtualServices by the fully qualified host they route (short names are qualified in the
/// VirtualService's namespace). Only mesh-bound ones count: gateway-only VirtualServices do not
/// apply to sidecars and proxyless clients.
/// </summary>
internal sealed class VirtualServiceIndex
{
    private readonly FrozenDictionary<string, IReadOnlyList<RoutingRule>> _byHost;

    private VirtualServiceIndex(FrozenDictionary<string, IReadOnlyList<RoutingRule>> byHost) => _byHost = byHost;

    public static VirtualServiceIndex Empty { get; } = new(FrozenDictionary<string, IReadOnlyList<RoutingRule>>.Empty);

    public static VirtualServiceIndex Build(IEnumerable<ConfigObject> virtualServices, string clusterDomain)
    {
        var rules = new List<(string Host, RoutingRule Rule)>();
        foreach (var item in virtualServices.OrderBy(o => o.Meta.Namespace, StringComparer.Ordinal).ThenBy(o => o.Meta.Name, StringComparer.Ordinal))
        {
            var spec = item.SpecAs<VirtualService>();
            if (spec.Gateways.Count > 0 && !spec.Gateways.Contains("mesh"))
            {
                continue;
            }

            foreach (var host in spec.Hosts)
            {
                var hostname = Fqdn.Qualify(host, item.Meta.Namespace, clusterDomain);
                rules.Add((hostname, new RoutingRule(item.Meta.Namespace, item.Meta.Name, spec)));
            }
        }

        return new VirtualServiceIndex(rules
            .GroupBy(r => r.Host, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => (IReadOnlyList<RoutingRule>)g.Select(r => r.Rule).ToList(), StringComparer.Ordinal));
    }

    /// <summary>The VirtualServices routing <paramref name="hostname"/>, oldest-named first; their HTTP routes are tried in that order.</summary>
    public IReadOnlyList<RoutingRule> For(string hostname) => _byHost.TryGetValue(hostname, out var found) ? found : [];
}
