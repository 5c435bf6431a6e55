using ControlPlane.Shared.Config;
using ControlPlane.Shared.Registry;
using Istio.Networking.V1Alpha3;

namespace ControlPlane.Galley.Analysis.Analyzers;

/// <summary>
/// IST0174: a DestinationRule host that matches no service; IST0173: a subset whose labels, with the
/// service's selector, select none of the service's workloads (in its namespace, or its inline
/// endpoints), their labels augmented with their node's topology labels as Pilot does.
/// </summary>
internal sealed class DestinationRuleSubsetAnalyzer : IAnalyzer
{
    private static readonly string[] TopologyLabels = ["topology.kubernetes.io/region", "topology.kubernetes.io/zone", "topology.istio.io/subzone"];

    public string Name => "destinationrule.SubsetSelectPodAnalyzer";

    public string Description => "Checks the host of a DestinationRule names a service and its subsets select workloads";

    public IEnumerable<ConfigDiagnostic> Analyze(AnalysisContext context)
    {
        var candidates = new Lazy<List<(string Namespace, IReadOnlyDictionary<string, string> Labels)>>(() => WorkloadLabels(context));
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

            // Unlike Istio, only when the input has workloads (config-only inputs are not flooded), and
            // only workloads the service can select: in its namespace, or its inline endpoints.
            var instances = service.Selector is null ? context.Mesh.Instances(service) : candidates.Value.Where(w => w.Namespace == service.Namespace).Select(w => w.Labels).ToList();
            for (var i = 0; context.Mesh.HasWorkloads && instances is not null && i < rule.Subsets.Count; i++)
            {
                var subset = rule.Subsets[i];
                var selector = new Dictionary<string, string>(service.Selector ?? LabelSelector.None, StringComparer.Ordinal);
                foreach (var (key, value) in subset.Labels)
                {
                    selector[key] = value;
                }

                if (!instances.Any(labels => LabelSelector.Selects(selector, labels)))
                {
                    yield return AnalysisMessages.DestinationRuleSubsetNotSelectPods(dr, $"spec.subsets[{i}].name", subset.Name);
                }
            }
        }
    }

    /// <summary>Every workload with its labels; a Pod's with its node's region, zone, subzone and host name added (when set).</summary>
    private static List<(string Namespace, IReadOnlyDictionary<string, string> Labels)> WorkloadLabels(AnalysisContext context)
    {
        var nodes = context.KubernetesOfKind("Node").ToDictionary(n => n.Meta.Name, n => n.Meta.Labels, StringComparer.Ordinal);
        var podNodes = context.KubernetesOfKind("Pod")
            .Select(p => (p.Reference, Node: KubernetesFields.String(p.Body, "spec", "nodeName")))
            .Where(p => p.Node is not null)
            .ToDictionary(p => p.Reference, p => p.Node!, StringComparer.Ordinal);
        return context.Mesh.Workloads.Select(w => (w.Namespace, podNodes.TryGetValue(w.Reference, out var node) ? Augmented(w.Labels, node, nodes) : w.Labels)).ToList();
    }

    private static IReadOnlyDictionary<string, string> Augmented(
        IReadOnlyDictionary<string, string> labels, string node, Dictionary<string, IReadOnlyDictionary<string, string>> nodes)
    {
        var result = new Dictionary<string, string>(labels, StringComparer.Ordinal) { ["kubernetes.io/hostname"] = node };
        if (nodes.TryGetValue(node, out var nodeLabels))
        {
            foreach (var key in TopologyLabels)
            {
                if (nodeLabels.TryGetValue(key, out var value) && value.Length > 0)
                {
                    result[key] = value;
                }
            }
        }

        return result;
    }

    /// <summary>A wildcard rule (<c>*.local</c>, <c>*.example.com</c>) is fine when it covers some visible service.</summary>
    private static bool MatchesAnyWildcard(AnalysisContext context, string ns, string host) =>
        host.StartsWith('*') && context.Mesh.Services.Any(s => s.IsVisibleTo(ns) && Fqdn.Matches(host, s.Hostname));
}
