using ControlPlane.Shared.Config;
using Istio.Security.V1Beta1;

namespace ControlPlane.Mixer.Authorization;

/// <summary>
/// Compiles the AuthorizationPolicy objects of a snapshot. Every problem is reported with file,
/// line and field path. A broken part never widens access: a broken rule of an ALLOW policy never
/// matches, a broken rule of a DENY or CUSTOM policy matches every request (fail closed). Policies
/// with <c>targetRef(s)</c> bind gateways and waypoints, not sidecars, and are left out.
/// </summary>
internal static class AuthorizationPolicyCompiler
{
    public const string Kind = "AuthorizationPolicy";

    public static AuthorizationPolicySet Compile(ConfigSnapshot snapshot, string rootNamespace)
    {
        var diagnostics = new List<ConfigDiagnostic>();
        var byNamespace = new Dictionary<string, List<CompiledPolicy>>(StringComparer.Ordinal);
        foreach (var obj in snapshot.OfKind(Kind))
        {
            if (obj.Spec is not AuthorizationPolicy spec)
            {
                diagnostics.Add(Diagnostic(obj, DiagnosticLevel.Error, "spec", $"spec is {obj.Spec.Descriptor.FullName}, expected {AuthorizationPolicy.Descriptor.FullName}"));
                continue;
            }

            if (spec.TargetRef is not null || spec.TargetRefs.Count > 0)
            {
                diagnostics.Add(Diagnostic(obj, DiagnosticLevel.Info, "spec.targetRef", "policies with targetRef apply to gateways and waypoints, not to sidecars checked by Mixer"));
                continue;
            }

            var policy = CompilePolicy(obj, spec, diagnostics);
            if (!byNamespace.TryGetValue(obj.Meta.Namespace, out var list))
            {
                byNamespace[obj.Meta.Namespace] = list = [];
            }

            list.Add(policy);
        }

        var frozen = byNamespace.ToDictionary(
            p => p.Key,
            p => p.Value.OrderBy(c => c.Action).ThenBy(c => c.Name, StringComparer.Ordinal).ToArray(),
            StringComparer.Ordinal);
        return new AuthorizationPolicySet(snapshot.Version, rootNamespace, frozen, diagnostics);
    }

    private static CompiledPolicy CompilePolicy(ConfigObject obj, AuthorizationPolicy spec, List<ConfigDiagnostic> diagnostics)
    {
        var action = spec.Action switch
        {
            AuthorizationPolicy.Types.Action.Deny => PolicyAction.Deny,
            AuthorizationPolicy.Types.Action.Custom => PolicyAction.Custom,
            AuthorizationPolicy.Types.Action.Audit => PolicyAction.Audit,
            _ => PolicyAction.Allow,
        };
        var failClosed = action is PolicyAction.Deny or PolicyAction.Custom;
        var rules = new List<CompiledRule>();
        for (var i = 0; i < spec.Rules.Count; i++)
        {
            var errors = new RuleErrors(obj, $"spec.rules[{i}]");
            var rule = RuleCompiler.Compile(spec.Rules[i], errors);
            diagnostics.AddRange(errors.Diagnostics);
            if (errors.Diagnostics.Count == 0)
            {
                rules.Add(rule);
            }
            else if (failClosed)
            {
                rules.Add(new CompiledRule([], [], []));
            }
        }

        string? provider = null;
        if (action == PolicyAction.Custom)
        {
            provider = spec.Provider?.Name;
            if (string.IsNullOrEmpty(provider))
            {
                diagnostics.Add(Diagnostic(obj, DiagnosticLevel.Error, "spec.provider.name", "a CUSTOM policy needs provider.name"));
            }
        }

        var selector = spec.Selector?.MatchLabels.ToArray() ?? [];
        return new CompiledPolicy(obj.Meta.Namespace, obj.Meta.Name, action, selector, [.. rules], provider);
    }

    internal static ConfigDiagnostic Diagnostic(ConfigObject obj, DiagnosticLevel level, string fieldPath, string message) =>
        new(level, message, obj.PositionOf(fieldPath), obj.Reference, fieldPath);
}
