using System.Collections.Frozen;
using ControlPlane.Shared.Config;
using ControlPlane.Shared.Registry;
using Istio.Networking.V1Alpha3;

namespace ControlPlane.Pilot.Model;

/// <summary>DestinationRules by the fully qualified host they apply to; the first by namespace/name wins when several name the same host.</summary>
internal sealed class DestinationRuleIndex
{
    private readonly FrozenDictionary<string, DestinationPolicy> _byHost;

    private DestinationRuleIndex(FrozenDictionary<string, DestinationPolicy> byHost) => _byHost = byHost;

    public static DestinationRuleIndex Empty { get; } = new(FrozenDictionary<string, DestinationPolicy>.Empty);

    public static DestinationRuleIndex Build(IEnumerable<ConfigObject> destinationRules, string clusterDomain) =>
        new(destinationRules
            .OrderBy(o => o.Meta.Namespace, StringComparer.Ordinal).ThenBy(o => o.Meta.Name, StringComparer.Ordinal)
            .Select(o => (Host: Fqdn.Qualify(o.SpecAs<DestinationRule>().Host, o.Meta.Namespace, clusterDomain), Policy: new DestinationPolicy(o.Meta.Namespace, o.Meta.Name, o.SpecAs<DestinationRule>())))
            .GroupBy(p => p.Host, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.First().Policy, StringComparer.Ordinal));

    public DestinationPolicy? For(string hostname) => _byHost.GetValueOrDefault(hostname);
}
