using ControlPlane.Shared.Config;
using Google.Protobuf.Collections;
using Istio.Security.V1Beta1;
using Istio.Type.V1Beta1;

namespace ControlPlane.Shared.Config.Validation.Rules;

/// <summary>
/// How AuthorizationPolicy and RequestAuthentication choose workloads: a selector or target
/// references, not both; targetRef and targetRefs not both; each reference with a kind and a name,
/// in the policy's own namespace.
/// </summary>
internal sealed class PolicyTargetRule : IValidationRule
{
    public IReadOnlyList<ConfigKind> Kinds { get; } = [ConfigKinds.AuthorizationPolicy, ConfigKinds.RequestAuthentication];

    public void Validate(ValidationContext context)
    {
        var (selector, targetRef, targetRefs) = context.Config.Spec switch
        {
            AuthorizationPolicy p => (p.Selector, p.TargetRef, p.TargetRefs),
            RequestAuthentication r => (r.Selector, r.TargetRef, r.TargetRefs),
            _ => (null, null, new RepeatedField<PolicyTargetReference>()),
        };

        if (selector is not null && (targetRef is not null || targetRefs.Count > 0))
        {
            context.Error("spec.selector", "only one of targetRefs or workloadSelector can be set");
        }

        if (targetRef is not null && targetRefs.Count > 0)
        {
            context.Error("spec.targetRef", "only one of targetRef or targetRefs can be set");
        }

        if (targetRef is not null)
        {
            Check("spec.targetRef", targetRef, context);
        }

        for (var i = 0; i < targetRefs.Count; i++)
        {
            Check($"spec.targetRefs[{i}]", targetRefs[i], context);
        }
    }

    private static void Check(string path, PolicyTargetReference reference, ValidationContext context)
    {
        if (reference.Kind.Length == 0)
        {
            context.Error($"{path}.kind", "kind must be set");
        }

        if (reference.Name.Length == 0)
        {
            context.Error($"{path}.name", "name must be set");
        }

        if (reference.Namespace.Length > 0 && reference.Namespace != context.Config.Meta.Namespace)
        {
            context.Error($"{path}.namespace", $"namespace must be empty or match the policy namespace \"{context.Config.Meta.Namespace}\"");
        }
    }
}
