using Istio.Networking.V1Alpha3;

namespace ControlPlane.Pilot.Xds.Generation;

/// <summary>
/// The effective traffic policy of one cluster, as istio.io's DestinationRule reference defines it
/// (https://istio.io/latest/docs/reference/config/networking/destination-rule/): within the rule and
/// within the subset, port-level settings for the cluster's port replace that level's settings whole,
/// inheriting nothing ("default values will be applied to fields omitted in port-level traffic
/// policies"); a subset then inherits the rule's result and overrides it setting by setting (load
/// balancer, connection pool, outlier detection), except that a subset's own port-level settings,
/// again, stand alone.
/// </summary>
internal static class TrafficPolicyMerger
{
    public static (LoadBalancerSettings? LoadBalancer, ConnectionPoolSettings? ConnectionPool, OutlierDetection? OutlierDetection) Merge(
        TrafficPolicy? rule, TrafficPolicy? subset, int port)
    {
        var (ruleLevel, _) = ForPort(rule, port);
        var (subsetLevel, subsetIsPortLevel) = ForPort(subset, port);
        if (subsetIsPortLevel)
        {
            return (subsetLevel!.LoadBalancer, subsetLevel.ConnectionPool, subsetLevel.OutlierDetection);
        }

        return (
            subsetLevel?.LoadBalancer ?? ruleLevel?.LoadBalancer,
            subsetLevel?.ConnectionPool ?? ruleLevel?.ConnectionPool,
            subsetLevel?.OutlierDetection ?? ruleLevel?.OutlierDetection);
    }

    /// <summary>One level's settings for a port: its port-level entry for the port when it has one (and whether it did), else its own.</summary>
    private static (TrafficPolicy? Policy, bool PortLevel) ForPort(TrafficPolicy? policy, int port)
    {
        var settings = policy?.PortLevelSettings.FirstOrDefault(p => p.Port?.Number == (uint)port);
        return settings is null
            ? (policy, false)
            : (new TrafficPolicy { LoadBalancer = settings.LoadBalancer, ConnectionPool = settings.ConnectionPool, OutlierDetection = settings.OutlierDetection }, true);
    }
}
