using ControlPlane.Shared.Config;
using ControlPlane.Shared.Registry;
using Istio.Networking.V1Alpha3;

namespace ControlPlane.Galley.Analysis.Analyzers;

/// <summary>
/// MSH0001: two DestinationRules in one namespace for the same host (and the same workload
/// selector). Istio has no code for this: it merges them in an unspecified order.
/// </summary>
internal sealed class DestinationRuleConflictAnalyzer : IAnalyzer
{
    public string Name => "destinationrule.ConflictAnalyzer";

    public string Description => "Checks for several DestinationRules for one host in one namespace (not an Istio analyzer)";

    public IEnumerable<ConfigDiagnostic> Analyze(AnalysisContext context)
    {
        var groups = context.OfKind(ConfigKinds.DestinationRule)
            .GroupBy(o =>
            {
                var rule = o.SpecAs<DestinationRule>();
                var selector = rule.WorkloadSelector is null ? string.Empty : LabelSelector.Format(rule.WorkloadSelector.MatchLabels);
                return (o.Meta.Namespace, Host: Fqdn.Qualify(rule.Host, o.Meta.Namespace).ToLowerInvariant(), selector);
            })
            .Where(g => g.Count() > 1);

        foreach (var group in groups)
        {
            var names = string.Join(',', group.Select(o => o.Meta.Key).Order(StringComparer.Ordinal));
            foreach (var rule in group)
            {
                yield return AnalysisMessages.ConflictingDestinationRulesHost(rule, names, group.Key.Host);
            }
        }
    }
}
