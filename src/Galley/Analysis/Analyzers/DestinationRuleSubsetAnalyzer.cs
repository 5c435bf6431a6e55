using ControlPlane.Shared.Config;
using ControlPlane.Shared.Registry;
using Istio.Networking.V1Alpha3;

namespace ControlPlane.Galley.Analysis.Analyzers;

/// <summary>
/// IST0174: a DestinationRule host that matches no service; IST0173: a subset whose labels select
/// none of the service's instances (workloads it selects, or its inline endpoints). The subset
/// check runs only when the input says which instances the service has.
/// </summary>
internal sealed class DestinationRuleSubsetAnalyzer : IAnalyzer
{
    public string Name => "destinationrule.SubsetSelectPodAnalyzer";

    public IEnumerable<ConfigDiagnostic> Analyze(AnalysisContext context)
    {
        foreach (var dr in context.OfKind(ConfigKinds.DestinationRule))
        {
            var rule = dr.SpecAs<DestinationRule>();
            var service = context.Mesh.FindService(dr.Meta.Namespace, rule.ExportTo, rule.Host);
            if (service is null)
            {
                if (!MatchesAnyWildcard(context, dr.Meta.Namespace, rule.Host))
                {
                    yield return AnalysisMessages.UnknownDestinationRuleHost(dr, rule.Host);
                }

                continue;
            }

            if (context.Mesh.Instances(service) is not { } instances)
            {
                continue;
            }

            for (var i = 0; i < rule.Subsets.Count; i++)
            {
                var subset = rule.Subsets[i];
                if (!instances.Any(labels => LabelSelector.Selects(subset.Labels, labels)))
                {
                    yield return AnalysisMessages.DestinationRuleSubsetNotSelectPods(dr, $"spec.subsets[{i}].name", subset.Name);
                }
            }
        }
    }

    /// <summary>A wildcard rule (<c>*.local</c>, <c>*.example.com</c>) is fine when it covers some visible service.</summary>
    private static bool MatchesAnyWildcard(AnalysisContext context, string ns, string host) =>
        host.StartsWith('*') && context.Mesh.Services.Any(s => s.IsVisibleTo(ns) && Fqdn.Matches(host, s.Hostname));
}
