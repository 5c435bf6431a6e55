using ControlPlane.Shared.Xds;
using ControlPlane.Pilot.Model;
using ControlPlane.Shared.Registry;
using ControlPlane.Shared.Config;
using Envoy.Config.Core.V3;
using Envoy.Config.Endpoint.V3;
using Endpoint = Envoy.Config.Endpoint.V3.Endpoint;

namespace ControlPlane.Pilot.Xds.Generation;

/// <summary>
/// EDS: the ClusterLoadAssignment of each cluster, its endpoints (a subset's are those whose
/// labels match it) grouped by locality. Every LocalityLbEndpoints carries a locality and a
/// load_balancing_weight (the sum of its endpoints' weights): without the weight the Node gRPC
/// client silently drops the locality.
/// </summary>
internal sealed class EndpointGenerator : IXdsGenerator
{
    public string TypeUrl => XdsTypeUrls.ClusterLoadAssignment;

    public IReadOnlySet<string> DependsOn { get; } = new HashSet<string>(
        [ConfigKinds.ServiceEntry.Kind, ConfigKinds.WorkloadEntry.Kind, ConfigKinds.DestinationRule.Kind], StringComparer.Ordinal);

    public IEnumerable<GeneratedResource> Generate(ProxyInfo proxy, MeshSnapshot snapshot, ResourceRequest request)
    {
        var names = request.IsWildcard
            ? snapshot.Registry.Services.SelectMany(s => ClusterGenerator.ClusterNames(s, snapshot)).Select(n => n.ToString())
            : request.Names.Order(StringComparer.Ordinal);
        foreach (var requested in names)
        {
            if (ClusterGenerator.Exists(requested, snapshot, out var name))
            {
                yield return new GeneratedResource(requested, Build(requested, name, snapshot));
            }
        }
    }

    private static ClusterLoadAssignment Build(string requested, ClusterName name, MeshSnapshot snapshot)
    {
        IEnumerable<ServiceEndpoint> endpoints = snapshot.Registry.Endpoints(name.Host, name.Port);
        if (name.Subset.Length > 0 && snapshot.DestinationRules.For(name.Host)?.FindSubset(name.Subset) is { } subset)
        {
            var selector = new Dictionary<string, string>(subset.Labels);
            endpoints = endpoints.Where(e => e.Matches(selector));
        }

        var assignment = new ClusterLoadAssignment { ClusterName = requested };
        foreach (var group in endpoints.GroupBy(e => e.Locality).OrderBy(g => g.Key.ToString(), StringComparer.Ordinal))
        {
            var locality = new LocalityLbEndpoints
            {
                Locality = new Envoy.Config.Core.V3.Locality { Region = group.Key.Region, Zone = group.Key.Zone, SubZone = group.Key.SubZone },
                LoadBalancingWeight = (uint)group.Sum(e => e.Weight),
            };
            foreach (var endpoint in group)
            {
                locality.LbEndpoints.Add(new LbEndpoint
                {
                    Endpoint = new Endpoint
                    {
                        Address = new Address { SocketAddress = new SocketAddress { Address = endpoint.Address, PortValue = (uint)endpoint.Port } },
                    },
                    HealthStatus = endpoint.Health == EndpointHealth.Healthy ? HealthStatus.Healthy : HealthStatus.Unhealthy,
                    LoadBalancingWeight = (uint)endpoint.Weight,
                });
            }

            assignment.Endpoints.Add(locality);
        }

        return assignment;
    }
}
