using ControlPlane.Shared.Config.Validation.Checks;
using ControlPlane.Shared.Config;
using Istio.Security.V1Beta1;
using Action = Istio.Security.V1Beta1.AuthorizationPolicy.Types.Action;

namespace ControlPlane.Shared.Config.Validation.Rules;

/// <summary>
/// Action and provider agree: CUSTOM needs a named provider and rules, and supports no identity
/// attributes (the external authorizer sees none); other actions take no provider; DENY needs
/// rules (an empty rule <c>{}</c> matches every request).
/// </summary>
internal sealed class AuthorizationPolicyActionRule() : ValidationRule<AuthorizationPolicy>(ConfigKinds.AuthorizationPolicy)
{
    private const string NeverTriggered = "without `rules` is meaningless as it will never be triggered, add an empty rule `{}` if you want it be triggered for every request";

    private static readonly string[] CustomUnsupportedKeys = ["source.namespace", "source.serviceAccount", "source.trustDomain", "source.principal"];

    protected override void Validate(AuthorizationPolicy spec, ValidationContext context)
    {
        if (!ProtoEnums.IsDefined(spec.Action))
        {
            context.Error("spec.action", $"unknown action {ProtoEnums.Name(spec.Action)}");
        }

        if (spec.Action == Action.Custom)
        {
            if (spec.Rules.Count == 0)
            {
                context.Error("spec.rules", $"CUSTOM action {NeverTriggered}");
            }
            else if (spec.Provider is null || spec.Provider.Name.Length == 0)
            {
                context.Error("spec.provider.name", "`provider.name` must not be empty");
            }

            CheckCustomRules(spec, context);
        }
        else if (spec.Provider is not null)
        {
            context.Error("spec.provider", $"`provider` must not be with non CUSTOM action, found {ProtoEnums.Name(spec.Action)}");
        }

        if (spec.Action == Action.Deny && spec.Rules.Count == 0)
        {
            context.Error("spec.rules", $"DENY action {NeverTriggered}");
        }
    }

    private static void CheckCustomRules(AuthorizationPolicy spec, ValidationContext context)
    {
        for (var i = 0; i < spec.Rules.Count; i++)
        {
            var rule = spec.Rules[i];
            for (var j = 0; j < rule.From.Count; j++)
            {
                if (rule.From[j].Source is not { } source)
                {
                    continue;
                }

                var path = $"spec.rules[{i}].from[{j}].source";
                Unsupported(source.Namespaces.Count, "namespaces", "From.Namespaces");
                Unsupported(source.NotNamespaces.Count, "notNamespaces", "From.NotNamespaces");
                Unsupported(source.ServiceAccounts.Count, "serviceAccounts", "From.ServiceAccounts");
                Unsupported(source.NotServiceAccounts.Count, "notServiceAccounts", "From.NotServiceAccounts");
                Unsupported(source.TrustDomains.Count, "trustDomains", "From.TrustDomains");
                Unsupported(source.NotTrustDomains.Count, "notTrustDomains", "From.NotTrustDomains");
                Unsupported(source.Principals.Count, "principals", "From.Principals");
                Unsupported(source.NotPrincipals.Count, "notPrincipals", "From.NotPrincipals");
                Unsupported(source.RequestPrincipals.Count, "requestPrincipals", "From.RequestPrincipals");
                Unsupported(source.NotRequestPrincipals.Count, "notRequestPrincipals", "From.NotRequestPrincipals");

                void Unsupported(int count, string field, string name)
                {
                    if (count > 0)
                    {
                        context.Error($"{path}.{field}", $"{name} is currently not supported with CUSTOM action");
                    }
                }
            }

            for (var k = 0; k < rule.When.Count; k++)
            {
                var key = rule.When[k].Key;
                if (CustomUnsupportedKeys.Contains(key) || key.StartsWith("request.auth.", StringComparison.Ordinal))
                {
                    context.Error($"spec.rules[{i}].when[{k}].key", $"{key} is currently not supported with CUSTOM action");
                }
            }
        }
    }
}
