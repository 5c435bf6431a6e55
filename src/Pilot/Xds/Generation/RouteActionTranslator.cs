using ControlPlane.Pilot.Model;
using ControlPlane.Pilot.Registry;
using Envoy.Config.Route.V3;
using Google.Protobuf.WellKnownTypes;
using Istio.Networking.V1Alpha3;
using ServicePort = ControlPlane.Pilot.Registry.ServicePort;

namespace ControlPlane.Pilot.Xds.Generation;

/// <summary>
/// The action of one VirtualService HTTP route: destinations (weighted, with subsets) as Istio
/// cluster names, timeout, retries (<see cref="RetryPolicyTranslator"/>), and the hash policy a
/// consistent-hash DestinationRule needs.
/// </summary>
internal static class RouteActionTranslator
{
    public static RouteAction Translate(HTTPRoute route, RoutingRule rule, MeshService service, ServicePort port, MeshSnapshot snapshot)
    {
        var action = new RouteAction();
        var destinations = route.Route.Select(d => (Cluster: Cluster(d.Destination, rule.Namespace, service, port, snapshot), Weight: d.Weight)).ToList();
        if (destinations.Count == 1)
        {
            action.Cluster = destinations[0].Cluster.ToString();
        }
        else if (destinations.Count > 1)
        {
            var weighted = new WeightedCluster();
            foreach (var (cluster, weight) in destinations.Where(d => d.Weight > 0))
            {
                weighted.Clusters.Add(new WeightedCluster.Types.ClusterWeight { Name = cluster.ToString(), Weight = (uint)weight });
            }

            // Older gRPC clients check the sum against total_weight (default 100): state it.
            weighted.TotalWeight = (uint)destinations.Sum(d => Math.Max(d.Weight, 0));
            action.WeightedClusters = weighted;
        }

        if (route.Timeout is { } timeout)
        {
            action.Timeout = timeout.Clone();
            action.MaxStreamDuration = new RouteAction.Types.MaxStreamDuration
            {
                MaxStreamDuration_ = timeout.Clone(),
                GrpcTimeoutHeaderMax = timeout.Clone(),
            };
        }

        if (RetryPolicyTranslator.Translate(route.Retries) is { } retryPolicy)
        {
            action.RetryPolicy = retryPolicy;
        }

        // A consistent-hash policy belongs to the cluster it applies to (a subset, a port), so each
        // destination's own merged policy decides; the first destination that hashes sets how.
        foreach (var (cluster, _) in destinations)
        {
            if (HashPolicy(LoadBalancer(cluster, snapshot)) is { } hash)
            {
                action.HashPolicy.Add(hash);
                break;
            }
        }

        return action;
    }

    /// <summary>The route to the whole service when no VirtualService routes it.</summary>
    public static RouteAction Default(MeshService service, ServicePort port, MeshSnapshot snapshot)
    {
        var cluster = new ClusterName(port.Number, string.Empty, service.Hostname);
        var action = new RouteAction { Cluster = cluster.ToString() };
        if (HashPolicy(LoadBalancer(cluster, snapshot)) is { } hash)
        {
            action.HashPolicy.Add(hash);
        }

        return action;
    }

    private static ClusterName Cluster(Istio.Networking.V1Alpha3.Destination destination, string ns, MeshService service, ServicePort port, MeshSnapshot snapshot)
    {
        var host = ServiceEntryRegistrySource.Qualify(destination.Host, ns);
        int number;
        if (destination.Port is { Number: > 0 } selected)
        {
            number = (int)selected.Number;
        }
        else if (host == service.Hostname)
        {
            number = port.Number;
        }
        else
        {
            // Another service without a port: its only (or first) port, as Istio requires one when there are several.
            number = snapshot.Registry.FindService(host)?.Ports.FirstOrDefault()?.Number ?? port.Number;
        }

        return new ClusterName(number, destination.Subset, host);
    }

    /// <summary>The load balancer the cluster is built with: the same merge <see cref="ClusterGenerator"/> applies.</summary>
    private static LoadBalancerSettings? LoadBalancer(ClusterName cluster, MeshSnapshot snapshot)
    {
        var rule = snapshot.DestinationRules.For(cluster.Host);
        var subset = cluster.Subset.Length > 0 ? rule?.FindSubset(cluster.Subset) : null;
        return TrafficPolicyMerger.Merge(rule?.Spec.TrafficPolicy, subset?.TrafficPolicy, cluster.Port).LoadBalancer;
    }

    private static RouteAction.Types.HashPolicy? HashPolicy(LoadBalancerSettings? loadBalancer)
    {
        var hash = loadBalancer?.ConsistentHash;
        return hash?.HashKeyCase switch
        {
            LoadBalancerSettings.Types.ConsistentHashLB.HashKeyOneofCase.HttpHeaderName =>
                new RouteAction.Types.HashPolicy { Header = new RouteAction.Types.HashPolicy.Types.Header { HeaderName = hash.HttpHeaderName.ToLowerInvariant() } },
            LoadBalancerSettings.Types.ConsistentHashLB.HashKeyOneofCase.UseSourceIp =>
                new RouteAction.Types.HashPolicy { ConnectionProperties = new RouteAction.Types.HashPolicy.Types.ConnectionProperties { SourceIp = true } },
            _ => null,
        };
    }
}
