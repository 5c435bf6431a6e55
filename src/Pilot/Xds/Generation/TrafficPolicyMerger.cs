using Istio.Networking.V1Alpha3;

namespace ControlPlane.Pilot.Xds.Generation;

/// <summary>
/// The effective traffic policy of one cluster: the subset's policy over the rule's, and within
/// each the port-level settings for the cluster's port over the rule-wide ones, field by field
/// (load balancer, connection pool, outlier detection), as Istio merges them.
/// </summary>
internal static class TrafficPolicyMerger
{
    public static (LoadBalancerSettings? LoadBalancer, ConnectionPoolSettings? ConnectionPool, OutlierDetection? OutlierDetection) Merge(
        TrafficPolicy? rule, TrafficPolicy? subset, int port)
    {
        var layers = new[] { PortLevel(subset, port), subset, PortLevel(rule, port), rule };
        return (
            layers.Select(l => l?.LoadBalancer).FirstOrDefault(v => v is not null),
            layers.Select(l => l?.ConnectionPool).FirstOrDefault(v => v is not null),
            layers.Select(l => l?.OutlierDetection).FirstOrDefault(v => v is not null));
    }

    private static TrafficPolicy? PortLevel(TrafficPolicy? policy, int port)
    {
        var settings = policy?.PortLevelSettings.FirstOrDefault(p => p.Port?.Number == (uint)port);
        return settings is null
            ? null
            : new TrafficPolicy { LoadBalancer = settings.LoadBalancer, ConnectionPool = settings.ConnectionPool, OutlierDetection = settings.OutlierDetection };
    }
}
