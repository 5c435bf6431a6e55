using ControlPlane.Shared.Xds;
using ControlPlane.Pilot.Model;
using ControlPlane.Shared.Registry;
using ControlPlane.Shared.Config;
using ControlPlane.Pilot.Xds.Generation.Security;
using Envoy.Config.Cluster.V3;
using Envoy.Config.Core.V3;
using Google.Protobuf.WellKnownTypes;

namespace ControlPlane.Pilot.Xds.Generation;

/// <summary>
/// CDS: for every service port, the cluster <c>outbound|port||host</c> and one per DestinationRule
/// subset <c>outbound|port|subset|host</c>, each of type EDS over ADS (its endpoints are the
/// ClusterLoadAssignment of the same name), with the merged traffic policy applied and, when the
/// destination takes TLS, its UpstreamTlsContext (<see cref="ClusterTlsTranslator"/>).
/// </summary>
internal sealed class ClusterGenerator : IXdsGenerator
{
    private static readonly Duration ConnectTimeout = Duration.FromTimeSpan(TimeSpan.FromSeconds(10));

    public string TypeUrl => XdsTypeUrls.Cluster;

    public IReadOnlySet<string> DependsOn { get; } = new HashSet<string>(
        [ConfigKinds.ServiceEntry.Kind, WorkloadSecurityInputs.Kind, ConfigKinds.DestinationRule.Kind, ConfigKinds.PeerAuthentication.Kind], StringComparer.Ordinal);

    public IEnumerable<GeneratedResource> Generate(ProxyInfo proxy, MeshSnapshot snapshot, ResourceRequest request)
    {
        if (request.IsWildcard)
        {
            foreach (var service in snapshot.Registry.Services)
            {
                foreach (var name in ClusterNames(service, snapshot))
                {
                    yield return new GeneratedResource(name.ToString(), Build(name, proxy, snapshot));
                }
            }

            yield break;
        }

        foreach (var requested in request.Names.Order(StringComparer.Ordinal))
        {
            if (Exists(requested, snapshot, out var name))
            {
                yield return new GeneratedResource(requested, Build(name, proxy, snapshot));
            }
        }
    }

    /// <summary>Every cluster of a service: per port, the whole service and each subset.</summary>
    public static IEnumerable<ClusterName> ClusterNames(MeshService service, MeshSnapshot snapshot)
    {
        var subsets = snapshot.DestinationRules.For(service.Hostname)?.Spec.Subsets.Select(s => s.Name) ?? [];
        return service.Ports.SelectMany(p => subsets.Prepend(string.Empty).Distinct(StringComparer.Ordinal).Select(s => new ClusterName(p.Number, s, service.Hostname)));
    }

    /// <summary>Whether a cluster name refers to a known service port (and subset).</summary>
    public static bool Exists(string requested, MeshSnapshot snapshot, out ClusterName name)
    {
        if (!ClusterName.TryParse(requested, out name) || snapshot.Registry.FindService(name.Host)?.FindPort(name.Port) is null)
        {
            return false;
        }

        return name.Subset.Length == 0 || snapshot.DestinationRules.For(name.Host)?.FindSubset(name.Subset) is not null;
    }

    private static Cluster Build(ClusterName name, ProxyInfo proxy, MeshSnapshot snapshot)
    {
        var text = name.ToString();
        var cluster = new Cluster
        {
            Name = text,
            Type = Cluster.Types.DiscoveryType.Eds,
            EdsClusterConfig = new Cluster.Types.EdsClusterConfig
            {
                EdsConfig = new ConfigSource { Ads = new AggregatedConfigSource(), ResourceApiVersion = ApiVersion.V3 },
                ServiceName = text,
            },
            ConnectTimeout = ConnectTimeout.Clone(),
        };
        var policy = snapshot.DestinationRules.For(name.Host);
        var subset = name.Subset.Length > 0 ? policy?.FindSubset(name.Subset) : null;
        var (loadBalancer, pool, outlier) = TrafficPolicyMerger.Merge(policy?.Spec.TrafficPolicy, subset?.TrafficPolicy, name.Port);
        ClusterPolicyTranslator.Apply(cluster, proxy.Kind, loadBalancer, pool, outlier);
        if (snapshot.Registry.FindService(name.Host) is { } service && ClusterTlsTranslator.For(name, service, policy, snapshot) is { } socket)
        {
            cluster.TransportSocket = socket;
        }

        return cluster;
    }
}
