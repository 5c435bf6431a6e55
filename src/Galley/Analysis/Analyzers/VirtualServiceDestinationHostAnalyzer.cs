using System.Globalization;
using ControlPlane.Shared.Config;
using Istio.Networking.V1Alpha3;

namespace ControlPlane.Galley.Analysis.Analyzers;

/// <summary>
/// IST0101: a destination host that is neither a Kubernetes Service nor a ServiceEntry host visible
/// to the VirtualService, or a port the service does not have; IST0112: no port chosen for a
/// service with several; IST0140: a route on a gateway without subset to a host that another
/// VirtualService splits into subsets (the subsets do not apply to the gateway's requests).
/// </summary>
internal sealed class VirtualServiceDestinationHostAnalyzer : IAnalyzer
{
    public string Name => "virtualservice.DestinationHostAnalyzer";

    public string Description => "Checks the destination hosts of VirtualServices exist (and subsets on ingress)";

    public IEnumerable<ConfigDiagnostic> Analyze(AnalysisContext context)
    {
        var subsetHosts = SubsetHosts(context);
        foreach (var vs in context.OfKind(ConfigKinds.VirtualService))
        {
            var spec = vs.SpecAs<VirtualService>();
            foreach (var message in IngressSubsetMessages(vs, spec, subsetHosts))
            {
                yield return message;
            }

            foreach (var route in RouteDestination.Of(spec))
            {
                var destination = route.Destination;
                var hostPath = route.Path + ".host";
                var service = context.Mesh.FindService(vs.Meta.Namespace, spec.ExportTo, destination.Host);
                if (service is null)
                {
                    yield return AnalysisMessages.ReferencedResourceNotFound(vs, hostPath, route.IsMirror ? "mirror host" : "host", destination.Host);
                    continue;
                }

                var port = destination.Port?.Number ?? 0;
                if (port == 0)
                {
                    if (service.Ports.Count > 1)
                    {
                        yield return AnalysisMessages.VirtualServiceDestinationPortSelectorRequired(
                            vs, hostPath, destination.Host, service.Ports.Select(p => (uint)p.Number));
                    }
                }
                else if (!service.Ports.Any(p => p.Number == port))
                {
                    yield return AnalysisMessages.ReferencedResourceNotFound(
                        vs, route.Path + ".port.number", "host:port", $"{destination.Host}:{port.ToString(CultureInfo.InvariantCulture)}");
                }
            }
        }
    }

    /// <summary>VirtualService key to the hosts it routes to by subset (hosts it also declares), as Istio collects them.</summary>
    private static List<(string VirtualService, string Host)> SubsetHosts(AnalysisContext context) =>
        context.OfKind(ConfigKinds.VirtualService)
            .SelectMany(vs => vs.SpecAs<VirtualService>().Http
                .SelectMany(h => h.Route)
                .Select(r => r.Destination)
                .Where(d => d is not null && d.Subset.Length > 0 && vs.SpecAs<VirtualService>().Hosts.Contains(d.Host))
                .Select(d => (vs.Meta.Key, d!.Host)))
            .ToList();

    private static IEnumerable<ConfigDiagnostic> IngressSubsetMessages(ConfigObject vs, VirtualService spec, List<(string VirtualService, string Host)> subsetHosts)
    {
        if (spec.Gateways.Count == 0)
        {
            yield break;
        }

        for (var i = 0; i < spec.Http.Count; i++)
        {
            for (var j = 0; j < spec.Http[i].Route.Count; j++)
            {
                var destination = spec.Http[i].Route[j].Destination;
                if (destination is null || destination.Subset.Length > 0)
                {
                    continue;
                }

                foreach (var (other, _) in subsetHosts.Where(s => s.Host == destination.Host))
                {
                    yield return AnalysisMessages.IngressRouteRulesNotAffected(vs, $"spec.http[{i}].route[{j}].destination.host", other, vs.Meta.Key);
                }
            }
        }
    }
}
