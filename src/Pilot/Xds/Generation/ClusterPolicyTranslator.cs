using ControlPlane.Pilot.Model;
using Envoy.Config.Cluster.V3;
using Envoy.Config.Core.V3;
using Istio.Networking.V1Alpha3;
using EnvoyOutlierDetection = Envoy.Config.Cluster.V3.OutlierDetection;
using IstioOutlierDetection = Istio.Networking.V1Alpha3.OutlierDetection;

namespace ControlPlane.Pilot.Xds.Generation;

/// <summary>
/// DestinationRule traffic policy onto a Cluster: load balancer (consistentHash becomes RING_HASH),
/// connection-pool limits as circuit-breaker thresholds, outlier detection. Proxyless gRPC (C-core
/// 1.51) NACKs a Cluster whose lb_policy is neither ROUND_ROBIN nor RING_HASH, so for those
/// clients LEAST_REQUEST and RANDOM fall back to ROUND_ROBIN.
/// </summary>
internal static class ClusterPolicyTranslator
{
    public static void Apply(Cluster cluster, ProxyKind proxy, LoadBalancerSettings? loadBalancer, ConnectionPoolSettings? pool, IstioOutlierDetection? outlier)
    {
        ApplyLoadBalancer(cluster, proxy, loadBalancer);
        if (CircuitBreakers(pool) is { } breakers)
        {
            cluster.CircuitBreakers = breakers;
        }

        if (outlier is not null)
        {
            cluster.OutlierDetection = Outlier(outlier);
        }
    }

    private static void ApplyLoadBalancer(Cluster cluster, ProxyKind proxy, LoadBalancerSettings? settings)
    {
        if (settings?.ConsistentHash is { } hash)
        {
            cluster.LbPolicy = Cluster.Types.LbPolicy.RingHash;
            var minimum = hash.RingHash?.MinimumRingSize ?? hash.MinimumRingSize;
            cluster.RingHashLbConfig = new Cluster.Types.RingHashLbConfig();
            if (minimum > 0)
            {
                cluster.RingHashLbConfig.MinimumRingSize = minimum;
            }

            return;
        }

        var simple = settings?.Simple ?? LoadBalancerSettings.Types.SimpleLB.Unspecified;
        cluster.LbPolicy = (simple, proxy) switch
        {
            (_, ProxyKind.Grpc) => Cluster.Types.LbPolicy.RoundRobin,
            (LoadBalancerSettings.Types.SimpleLB.LeastConn or LoadBalancerSettings.Types.SimpleLB.LeastRequest, _) => Cluster.Types.LbPolicy.LeastRequest,
            (LoadBalancerSettings.Types.SimpleLB.Random, _) => Cluster.Types.LbPolicy.Random,
            _ => Cluster.Types.LbPolicy.RoundRobin,
        };
    }

    private static CircuitBreakers? CircuitBreakers(ConnectionPoolSettings? pool)
    {
        if (pool is null)
        {
            return null;
        }

        var thresholds = new CircuitBreakers.Types.Thresholds { Priority = RoutingPriority.Default };
        if (pool.Tcp is { MaxConnections: > 0 } tcp)
        {
            thresholds.MaxConnections = (uint)tcp.MaxConnections;
        }

        if (pool.Http is { } http)
        {
            if (http.Http1MaxPendingRequests > 0)
            {
                thresholds.MaxPendingRequests = (uint)http.Http1MaxPendingRequests;
            }

            if (http.Http2MaxRequests > 0)
            {
                thresholds.MaxRequests = (uint)http.Http2MaxRequests;
            }

            if (http.MaxRetries > 0)
            {
                thresholds.MaxRetries = (uint)http.MaxRetries;
            }
        }

        return new CircuitBreakers { Thresholds = { thresholds } };
    }

    private static EnvoyOutlierDetection Outlier(IstioOutlierDetection outlier)
    {
        var result = new EnvoyOutlierDetection();
        var consecutive5xx = outlier.Consecutive5XxErrors ?? (outlier.ConsecutiveErrors > 0 ? (uint)outlier.ConsecutiveErrors : null);
        if (consecutive5xx is { } errors)
        {
            result.Consecutive5Xx = errors;
            result.EnforcingConsecutive5Xx = errors > 0 ? 100u : 0u;
        }

        if (outlier.ConsecutiveGatewayErrors is { } gateway)
        {
            result.ConsecutiveGatewayFailure = gateway;
            result.EnforcingConsecutiveGatewayFailure = gateway > 0 ? 100u : 0u;
        }

        if (outlier.Interval is { } interval)
        {
            result.Interval = interval.Clone();
        }

        if (outlier.BaseEjectionTime is { } ejection)
        {
            result.BaseEjectionTime = ejection.Clone();
        }

        if (outlier.MaxEjectionPercent > 0)
        {
            result.MaxEjectionPercent = (uint)outlier.MaxEjectionPercent;
        }

        if (outlier.SplitExternalLocalOriginErrors)
        {
            result.SplitExternalLocalOriginErrors = true;
            if (outlier.ConsecutiveLocalOriginFailures is { } local)
            {
                result.ConsecutiveLocalOriginFailure = local;
            }
        }

        return result;
    }
}
