using ControlPlane.Shared.Config;
using ControlPlane.Shared.Registry;
using Istio.Networking.V1Alpha3;

namespace ControlPlane.Galley.Analysis.Analyzers;

/// <summary>
/// Sidecar selection, per namespace: IST0111 for several Sidecars without a workload selector;
/// when the input has workloads, IST0101 for a selector matching none and IST0110 for a workload
/// selected by several Sidecars.
/// </summary>
internal sealed class SidecarSelectorAnalyzer : IAnalyzer
{
    public string Name => "sidecar.SelectorAnalyzer";

    public string Description => "Validates that Sidecars select workloads, without conflicts or in ambient mode";

    public IEnumerable<ConfigDiagnostic> Analyze(AnalysisContext context)
    {
        var sidecars = context.OfKind(ConfigKinds.Sidecar).ToList();
        var messages = new List<ConfigDiagnostic>();
        var ambientNamespaces = context.KubernetesOfKind("Namespace").Where(InAmbientMode).Select(n => n.Meta.Name).ToHashSet(StringComparer.Ordinal);
        var ambientPods = context.KubernetesOfKind("Pod")
            .Where(p => p.Meta.Annotations.TryGetValue("ambient.istio.io/redirection", out var v) && v == "enabled")
            .Select(p => p.Reference)
            .ToHashSet(StringComparer.Ordinal);

        // As in Istio: a Sidecar has no effect where there is no sidecar (ambient mode), which is
        // worth a warning (IST0167) rather than a conflict.
        foreach (var sidecar in sidecars.Where(s => Selector(s).Count == 0 && ambientNamespaces.Contains(s.Meta.Namespace)))
        {
            messages.Add(AnalysisMessages.IneffectivePolicy(sidecar, null, "namespace is in ambient mode, the policy has no impact"));
        }

        foreach (var group in sidecars.Where(s => Selector(s).Count == 0 && !ambientNamespaces.Contains(s.Meta.Namespace)).GroupBy(s => s.Meta.Namespace).Where(g => g.Count() > 1))
        {
            var names = group.Select(s => s.Meta.Name).Order(StringComparer.Ordinal).ToList();
            messages.AddRange(group.Select(s => AnalysisMessages.MultipleSidecarsWithoutWorkloadSelectors(s, names, group.Key)));
        }

        if (!context.Mesh.HasWorkloads)
        {
            return messages;
        }

        var selectedBy = new Dictionary<Workload, List<ConfigObject>>();
        foreach (var sidecar in sidecars.Where(s => Selector(s).Count > 0))
        {
            var selector = Selector(sidecar);
            var selected = context.Mesh.Selected(selector, sidecar.Meta.Namespace).ToList();
            if (selected.Count == 0)
            {
                var key = selector.Keys.Order(StringComparer.Ordinal).First();
                messages.Add(AnalysisMessages.ReferencedResourceNotFound(
                    sidecar, FieldPath.MapEntry("spec.workloadSelector.labels", key), "selector", LabelSelector.Format(selector)));
            }

            foreach (var workload in selected)
            {
                if (!selectedBy.TryGetValue(workload, out var list))
                {
                    selectedBy[workload] = list = [];
                }

                list.Add(sidecar);
            }
        }

        foreach (var sidecar in selectedBy.Where(p => ambientPods.Contains(p.Key.Reference)).SelectMany(p => p.Value).Distinct())
        {
            messages.Add(AnalysisMessages.IneffectivePolicy(sidecar, null, "selected workload is in ambient mode, the policy has no impact"));
        }

        foreach (var (workload, list) in selectedBy.Where(p => p.Value.Count > 1 && !ambientPods.Contains(p.Key.Reference)))
        {
            var names = list.Select(s => s.Meta.Name).Order(StringComparer.Ordinal).ToList();
            var workloadName = workload.Reference[(workload.Reference.IndexOf('/', StringComparison.Ordinal) + 1)..];
            messages.AddRange(list.Select(s => AnalysisMessages.ConflictingSidecarWorkloadSelectors(s, names, workload.Namespace, workloadName)));
        }

        return messages;
    }

    /// <summary>Istio's test: labelled ambient and neither injection-enabled nor pinned to a revision.</summary>
    private static bool InAmbientMode(KubernetesObject ns) =>
        ns.Meta.Labels.TryGetValue("istio.io/dataplane-mode", out var mode) && mode == "ambient"
        && !(ns.Meta.Labels.TryGetValue("istio-injection", out var injection) && injection == "enabled")
        && !(ns.Meta.Labels.TryGetValue("istio.io/rev", out var rev) && rev.Length > 0);

    private static IReadOnlyDictionary<string, string> Selector(ConfigObject sidecar) =>
        sidecar.SpecAs<Sidecar>().WorkloadSelector?.Labels is { } labels ? labels : LabelSelector.None;
}
