using System.Globalization;
using ControlPlane.Shared.Config;
using Istio.Networking.V1Alpha3;

namespace ControlPlane.Galley.Analysis.Analyzers;

/// <summary>
/// IST0101: a destination host that is neither a Kubernetes Service nor a ServiceEntry host visible
/// to the VirtualService, or a port the service does not have; IST0112: no port chosen for a
/// service with several.
/// </summary>
internal sealed class VirtualServiceDestinationHostAnalyzer : IAnalyzer
{
    public string Name => "virtualservice.DestinationHostAnalyzer";

    public IEnumerable<ConfigDiagnostic> Analyze(AnalysisContext context)
    {
        foreach (var vs in context.OfKind(ConfigKinds.VirtualService))
        {
            var spec = vs.SpecAs<VirtualService>();
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
}
