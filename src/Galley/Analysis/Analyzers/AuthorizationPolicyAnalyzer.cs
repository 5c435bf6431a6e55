using ControlPlane.Galley.Analysis.Mesh;
using ControlPlane.Shared.Config;
using ControlPlane.Shared.Registry;
using Istio.Security.V1Beta1;

namespace ControlPlane.Galley.Analysis.Analyzers;

/// <summary>
/// AuthorizationPolicy checks: IST0127 when its selector (or, without one, its namespace) has no
/// workload; IST0101 for a <c>source.namespaces</c> / <c>notNamespaces</c> entry no namespace matches.
/// As in Istio, principals are not checked: they may name other clusters and trust domains.
/// </summary>
internal sealed class AuthorizationPolicyAnalyzer : IAnalyzer
{
    public string Name => "auth.AuthorizationPoliciesAnalyzer";

    public string Description => "Checks the necessary resources for AuthorizationPolicy exist (workloads, source namespaces)";

    public IEnumerable<ConfigDiagnostic> Analyze(AnalysisContext context)
    {
        foreach (var policy in context.OfKind(ConfigKinds.AuthorizationPolicy))
        {
            var spec = policy.SpecAs<AuthorizationPolicy>();
            if (WorkloadsMessage(context.Mesh, policy, spec, context.Input.MeshConfig.RootNamespace) is { } message)
            {
                yield return message;
            }

            for (var i = 0; i < spec.Rules.Count; i++)
            {
                for (var j = 0; j < spec.Rules[i].From.Count; j++)
                {
                    if (spec.Rules[i].From[j].Source is not { } source)
                    {
                        continue;
                    }

                    var at = $"spec.rules[{i}].from[{j}].source";
                    foreach (var found in SourceMessages(context.Mesh, policy, source, at))
                    {
                        yield return found;
                    }
                }
            }
        }
    }

    private static ConfigDiagnostic? WorkloadsMessage(MeshIndex mesh, ConfigObject policy, AuthorizationPolicy spec, string rootNamespace)
    {
        if (!mesh.HasWorkloads || spec.TargetRef is not null || spec.TargetRefs.Count > 0)
        {
            return null;
        }

        var ns = policy.Meta.Namespace;
        var meshWide = ns == rootNamespace;
        if (spec.Selector is null)
        {
            return meshWide || mesh.Workloads.Any(w => w.Namespace == ns) ? null : AnalysisMessages.NoMatchingWorkloadsFound(policy, null, string.Empty);
        }

        var labels = spec.Selector.MatchLabels;
        return mesh.Selected(labels, meshWide ? null : ns).Any()
            ? null
            : AnalysisMessages.NoMatchingWorkloadsFound(policy, "spec.selector", LabelSelector.Format(labels));
    }

    private static IEnumerable<ConfigDiagnostic> SourceMessages(MeshIndex mesh, ConfigObject policy, Source source, string at)
    {
        foreach (var (field, values) in new[] { ("namespaces", source.Namespaces), ("notNamespaces", source.NotNamespaces) })
        {
            for (var k = 0; k < values.Count; k++)
            {
                if (!mesh.Namespaces.Any(n => NamespaceMatches(n, values[k])))
                {
                    yield return AnalysisMessages.ReferencedResourceNotFound(policy, $"{at}.{field}[{k}]", "namespace", values[k]);
                }
            }
        }
    }

    /// <summary>Istio's namespace match: exact, <c>*</c>, <c>prefix*</c> or <c>*suffix</c>.</summary>
    private static bool NamespaceMatches(string ns, string pattern) =>
        pattern == "*"
        || (pattern.StartsWith('*') && ns.EndsWith(pattern[1..], StringComparison.Ordinal))
        || (pattern.EndsWith('*') && ns.StartsWith(pattern[..^1], StringComparison.Ordinal))
        || string.Equals(ns, pattern, StringComparison.OrdinalIgnoreCase);
}
