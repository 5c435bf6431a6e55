using ControlPlane.Galley.Analysis.Mesh;
using ControlPlane.Shared.Config;
using ControlPlane.Shared.Registry;
using Istio.Networking.V1Alpha3;

namespace ControlPlane.Galley.Analysis.Analyzers;

/// <summary>
/// IST0101: a VirtualService names a Gateway that does not exist; IST0132: none of its hosts is
/// served by a Gateway it names.
/// </summary>
internal sealed class VirtualServiceGatewayAnalyzer : IAnalyzer
{
    private const string MeshGateway = "mesh";

    public string Name => "virtualservice.GatewayAnalyzer";

    public IEnumerable<ConfigDiagnostic> Analyze(AnalysisContext context)
    {
        foreach (var vs in context.OfKind(ConfigKinds.VirtualService))
        {
            var spec = vs.SpecAs<VirtualService>();
            var ns = vs.Meta.Namespace;
            for (var i = 0; i < spec.Gateways.Count; i++)
            {
                var name = spec.Gateways[i];
                if (name == MeshGateway)
                {
                    continue;
                }

                var key = name.Contains('/', StringComparison.Ordinal) ? name : $"{ns}/{name}";
                var path = $"spec.gateways[{i}]";
                if (!context.Mesh.Gateways.TryGetValue(key, out var gateway))
                {
                    yield return AnalysisMessages.ReferencedResourceNotFound(vs, path, "gateway", name);
                    continue;
                }

                if (!ServesAnyHost(gateway, spec.Hosts, ns))
                {
                    yield return AnalysisMessages.VirtualServiceHostNotFoundInGateway(vs, path, spec.Hosts, vs.Meta.Key, key);
                }
            }
        }
    }

    private static bool ServesAnyHost(ConfigObject gateway, IEnumerable<string> virtualServiceHosts, string virtualServiceNamespace)
    {
        var gatewayHosts = gateway.SpecAs<Gateway>().Servers
            .SelectMany(s => s.Hosts)
            .Select(h => GatewayHosts.VisibleHost(h, gateway.Meta.Namespace, virtualServiceNamespace))
            .OfType<string>()
            .ToList();
        return gatewayHosts.Any(g => virtualServiceHosts.Any(h => Fqdn.Matches(g, h)));
    }
}
