using ControlPlane.Shared.Config;
using Istio.Networking.V1Alpha3;

namespace ControlPlane.Galley.Analysis.Analyzers;

/// <summary>
/// IST0134: a ServiceEntry without <c>addresses</c> has a TCP (or protocol-less) port: without a
/// virtual IP, sidecars cannot tell its traffic apart on that port. Not reported when the mesh
/// config has proxies capture DNS and allocate addresses themselves.
/// </summary>
internal sealed class ServiceEntryAddressesAnalyzer : IAnalyzer
{
    public string Name => "serviceentry.Analyzer";

    public string Description => "Checks ServiceEntries with TCP (or no) protocol have addresses";

    public IEnumerable<ConfigDiagnostic> Analyze(AnalysisContext context)
    {
        var mesh = context.Input.MeshConfig;
        if (mesh.ProxyFlag("ISTIO_META_DNS_CAPTURE") && (mesh.ProxyFlag("ISTIO_META_DNS_AUTO_ALLOCATE") || mesh.ProxyFlag("PILOT_ENABLE_IP_AUTOALLOCATE")))
        {
            yield break;
        }

        foreach (var entry in context.OfKind(ConfigKinds.ServiceEntry))
        {
            var spec = entry.SpecAs<ServiceEntry>();
            if (spec.Addresses.Count > 0)
            {
                continue;
            }

            for (var i = 0; i < spec.Ports.Count; i++)
            {
                var protocol = spec.Ports[i].Protocol;
                if (protocol.Length == 0 || string.Equals(protocol, "TCP", StringComparison.OrdinalIgnoreCase))
                {
                    yield return AnalysisMessages.ServiceEntryAddressesRequired(entry, $"spec.ports[{i}].name");
                }
            }
        }
    }
}
