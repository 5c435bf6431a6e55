using ControlPlane.Galley.Analysis.Mesh;
using ControlPlane.Shared.Config;
using ControlPlane.Shared.Registry;
using Istio.Security.V1Beta1;

namespace ControlPlane.Galley.Analysis.Analyzers;

/// <summary>
/// AuthorizationPolicy checks: IST0127 when its selector (or, without one, its namespace) has no
/// workload; IST0101 for a source namespace, or the namespace or service account of a principal,
/// that does not exist, so the rule can never match.
/// </summary>
internal sealed class AuthorizationPolicyAnalyzer : IAnalyzer
{
    /// <summary>Istio's default mesh root namespace: policies there apply mesh-wide.</summary>
    public const string RootNamespace = "istio-system";

    public string Name => "auth.AuthorizationPoliciesAnalyzer";

    public IEnumerable<ConfigDiagnostic> Analyze(AnalysisContext context)
    {
        foreach (var policy in context.OfKind(ConfigKinds.AuthorizationPolicy))
        {
            var spec = policy.SpecAs<AuthorizationPolicy>();
            if (WorkloadsMessage(context.Mesh, policy, spec) is { } message)
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

    private static ConfigDiagnostic? WorkloadsMessage(MeshIndex mesh, ConfigObject policy, AuthorizationPolicy spec)
    {
        if (!mesh.HasWorkloads || spec.TargetRef is not null || spec.TargetRefs.Count > 0)
        {
            return null;
        }

        var ns = policy.Meta.Namespace;
        var meshWide = ns == RootNamespace;
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

        foreach (var (field, values, nsIndex) in new[]
                 {
                     ("principals", source.Principals, 2), ("notPrincipals", source.NotPrincipals, 2),
                     ("serviceAccounts", source.ServiceAccounts, 0), ("notServiceAccounts", source.NotServiceAccounts, 0),
                 })
        {
            for (var k = 0; k < values.Count; k++)
            {
                if (IdentityProblem(mesh, values[k], nsIndex) is { } problem)
                {
                    var what = field.Contains("rincipal", StringComparison.Ordinal) ? $"{problem} in principal" : $"{problem} in service account";
                    yield return AnalysisMessages.ReferencedResourceNotFound(policy, $"{at}.{field}[{k}]", what, values[k]);
                }
            }
        }
    }

    /// <summary>
    /// What of an identity cannot exist: <c>td/ns/NS/sa/SA</c> (principal) or <c>NS/SA</c>. Parts
    /// with wildcards are not checked; service accounts only where the input knows a namespace's accounts.
    /// </summary>
    private static string? IdentityProblem(MeshIndex mesh, string identity, int nsIndex)
    {
        var parts = identity.Split('/');
        var wellFormed = nsIndex == 2
            ? parts.Length == 5 && parts[1] == "ns" && parts[3] == "sa"
            : parts.Length == 2;
        if (!wellFormed)
        {
            return null;
        }

        var ns = parts[nsIndex];
        var account = parts[^1];
        if (ns.Contains('*', StringComparison.Ordinal))
        {
            return null;
        }

        if (!mesh.Namespaces.Contains(ns))
        {
            return "namespace";
        }

        return !account.Contains('*', StringComparison.Ordinal)
               && mesh.ServiceAccounts.TryGetValue(ns, out var accounts)
               && !accounts.Contains(account)
            ? "service account"
            : null;
    }

    /// <summary>Istio's namespace match: exact, <c>*</c>, <c>prefix*</c> or <c>*suffix</c>.</summary>
    private static bool NamespaceMatches(string ns, string pattern) =>
        pattern == "*"
        || (pattern.StartsWith('*') && ns.EndsWith(pattern[1..], StringComparison.Ordinal))
        || (pattern.EndsWith('*') && ns.StartsWith(pattern[..^1], StringComparison.Ordinal))
        || string.Equals(ns, pattern, StringComparison.OrdinalIgnoreCase);
}
