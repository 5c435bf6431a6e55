using System.Globalization;
using ControlPlane.Pilot.Model;
using Envoy.Config.Rbac.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Google.Protobuf.WellKnownTypes;
using Istio.Security.V1Beta1;
using RbacFilter = Envoy.Extensions.Filters.Http.Rbac.V3.RBAC;

namespace ControlPlane.Pilot.Xds.Generation.Security;

/// <summary>
/// The AuthorizationPolicies of a workload as <c>envoy.filters.http.rbac</c> filters (gRPC A41),
/// with Istio's semantics: a DENY filter first (a request any DENY rule matches is refused), then
/// an ALLOW filter (when any ALLOW policy applies, a request no ALLOW rule matches is refused; with
/// none, everything passes). One RBAC policy per rule, named as Istio names them:
/// <c>ns[NS]-policy[NAME]-rule[N]</c>. AUDIT needs audit logging and CUSTOM an external
/// authorizer, neither of which gRPC's RBAC filter has, so they add nothing here (Mixer's ext_authz
/// serves CUSTOM for Envoy). Filter names differ because gRPC refuses two filters of one name.
/// </summary>
internal static class RbacFilterBuilder
{
    public const string DenyFilterName = "envoy.filters.http.rbac.deny";
    public const string AllowFilterName = "envoy.filters.http.rbac.allow";

    public static IEnumerable<HttpFilter> Build(IReadOnlyList<AuthorizationPolicyEntry> policies)
    {
        var deny = policies.Where(p => p.Spec.Action == AuthorizationPolicy.Types.Action.Deny).ToList();
        var allow = policies.Where(p => p.Spec.Action == AuthorizationPolicy.Types.Action.Allow).ToList();
        if (Rules(deny, isDeny: true) is { Policies.Count: > 0 } denyRules)
        {
            yield return Filter(DenyFilterName, denyRules);
        }

        if (allow.Count > 0)
        {
            yield return Filter(AllowFilterName, Rules(allow, isDeny: false));
        }
    }

    private static RBAC Rules(IEnumerable<AuthorizationPolicyEntry> policies, bool isDeny)
    {
        var rbac = new RBAC { Action = isDeny ? RBAC.Types.Action.Deny : RBAC.Types.Action.Allow };
        foreach (var entry in policies)
        {
            for (var i = 0; i < entry.Spec.Rules.Count; i++)
            {
                if (RbacRuleTranslator.Translate(entry.Spec.Rules[i], isDeny) is { } policy)
                {
                    rbac.Policies[string.Create(CultureInfo.InvariantCulture, $"ns[{entry.Namespace}]-policy[{entry.Name}]-rule[{i}]")] = policy;
                }
            }
        }

        return rbac;
    }

    private static HttpFilter Filter(string name, RBAC rules) =>
        new() { Name = name, TypedConfig = Any.Pack(new RbacFilter { Rules = rules }) };
}
