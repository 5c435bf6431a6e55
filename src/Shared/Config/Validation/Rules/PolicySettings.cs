using Istio.Networking.V1Alpha3;

namespace ControlPlane.Shared.Config.Validation.Rules;

/// <summary>
/// The settings a traffic policy and a port-level policy share, with where they are, so that each
/// DestinationRule rule checks them wherever they appear (top level, port level, subsets).
/// </summary>
internal sealed record PolicySettings(
    string Path,
    LoadBalancerSettings? LoadBalancer,
    ConnectionPoolSettings? ConnectionPool,
    OutlierDetection? OutlierDetection,
    ClientTLSSettings? Tls)
{
    /// <summary>Every traffic policy of <paramref name="rule"/> and their port-level settings.</summary>
    public static IEnumerable<PolicySettings> Of(DestinationRule rule)
    {
        foreach (var (path, policy) in TrafficPolicies(rule))
        {
            yield return new(path, policy.LoadBalancer, policy.ConnectionPool, policy.OutlierDetection, policy.Tls);
            for (var i = 0; i < policy.PortLevelSettings.Count; i++)
            {
                var port = policy.PortLevelSettings[i];
                yield return new($"{path}.portLevelSettings[{i}]", port.LoadBalancer, port.ConnectionPool, port.OutlierDetection, port.Tls);
            }
        }
    }

    /// <summary>The top-level traffic policy and each subset's, with their paths.</summary>
    public static IEnumerable<(string Path, TrafficPolicy Policy)> TrafficPolicies(DestinationRule rule)
    {
        if (rule.TrafficPolicy is not null)
        {
            yield return ("spec.trafficPolicy", rule.TrafficPolicy);
        }

        for (var i = 0; i < rule.Subsets.Count; i++)
        {
            if (rule.Subsets[i].TrafficPolicy is { } policy)
            {
                yield return ($"spec.subsets[{i}].trafficPolicy", policy);
            }
        }
    }
}
