using ControlPlane.Shared.Config;
using ControlPlane.Shared.Registry;
using Istio.Security.V1Beta1;

namespace ControlPlane.Pilot.Model;

/// <summary>
/// AuthorizationPolicies by the workloads they apply to, as Istio scopes them
/// (https://istio.io/latest/docs/reference/config/security/authorization-policy/): a policy in the
/// root namespace applies to every workload of the mesh its selector selects, one elsewhere to the
/// workloads of its namespace its selector selects (no selector: all of them). Policies with
/// <c>targetRef(s)</c> bind gateways and waypoints, not workloads, and are left out.
/// </summary>
internal sealed class AuthorizationPolicyIndex
{
    private readonly IReadOnlyList<AuthorizationPolicyEntry> _policies;
    private readonly string _rootNamespace;

    private AuthorizationPolicyIndex(IReadOnlyList<AuthorizationPolicyEntry> policies, string rootNamespace)
    {
        _policies = policies;
        _rootNamespace = rootNamespace;
    }

    public static AuthorizationPolicyIndex Empty { get; } = new([], MeshSnapshot.DefaultRootNamespace);

    public static AuthorizationPolicyIndex Build(IEnumerable<ConfigObject> objects, string rootNamespace) =>
        new(objects
            .Where(o => o.Spec is AuthorizationPolicy { TargetRef: null, TargetRefs.Count: 0 })
            .Select(o => new AuthorizationPolicyEntry(o.Meta.Namespace, o.Meta.Name, o.SpecAs<AuthorizationPolicy>()))
            .OrderBy(p => p.Namespace, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal)
            .ToList(), rootNamespace);

    /// <summary>The policies that apply to <paramref name="workload"/>, ordered by namespace and name.</summary>
    public IReadOnlyList<AuthorizationPolicyEntry> For(WorkloadIdentityRef workload) =>
        _policies.Where(p => Applies(p, workload)).ToList();

    private bool Applies(AuthorizationPolicyEntry policy, WorkloadIdentityRef workload)
    {
        var selector = policy.Spec.Selector?.MatchLabels ?? (IEnumerable<KeyValuePair<string, string>>)[];
        if (workload.Namespace is null)
        {
            return policy.Namespace == _rootNamespace && !selector.Any();
        }

        return (policy.Namespace == _rootNamespace || policy.Namespace == workload.Namespace)
            && LabelSelector.Selects(selector, workload.Labels);
    }
}
