using ControlPlane.Shared.Config;
using ControlPlane.Shared.Registry;
using Istio.Networking.V1Alpha3;

namespace ControlPlane.Galley.Analysis.Analyzers;

/// <summary>
/// IST0101: a VirtualService routes (or mirrors) to a subset that no DestinationRule visible to
/// its namespace defines for that host.
/// </summary>
internal sealed class VirtualServiceDestinationRuleAnalyzer : IAnalyzer
{
    public string Name => "virtualservice.DestinationRuleAnalyzer";

    public string Description => "Checks the destination subsets of VirtualServices are defined by a DestinationRule";

    public IEnumerable<ConfigDiagnostic> Analyze(AnalysisContext context)
    {
        var rules = context.OfKind(ConfigKinds.DestinationRule)
            .Select(o => (Object: o, Rule: o.SpecAs<DestinationRule>()))
            .Select(r => (
                Host: Fqdn.Qualify(r.Rule.Host, r.Object.Meta.Namespace),
                ExportTo: ExportTo.Resolve(r.Rule.ExportTo, r.Object.Meta.Namespace),
                Subsets: r.Rule.Subsets.Select(s => s.Name).ToHashSet(StringComparer.Ordinal)))
            .ToLookup(r => r.Host, StringComparer.OrdinalIgnoreCase);

        foreach (var vs in context.OfKind(ConfigKinds.VirtualService))
        {
            var ns = vs.Meta.Namespace;
            foreach (var route in RouteDestination.Of(vs.SpecAs<VirtualService>()))
            {
                var subset = route.Destination.Subset;
                if (string.IsNullOrEmpty(subset))
                {
                    continue;
                }

                var host = Fqdn.Qualify(route.Destination.Host, ns);
                var defined = rules[host].Any(r =>
                    (r.ExportTo.Contains(ExportTo.All) || r.ExportTo.Contains(ns)) && r.Subsets.Contains(subset));
                if (!defined)
                {
                    var what = route.IsMirror ? "mirror+subset in destinationrule" : "host+subset in destinationrule";
                    yield return AnalysisMessages.ReferencedResourceNotFound(
                        vs, route.Path + ".subset", what, $"{route.Destination.Host}+{subset}");
                }
            }
        }
    }
}
