using ControlPlane.Shared.Config;
using Google.Protobuf.Collections;
using Istio.Security.V1Beta1;

namespace ControlPlane.Shared.Config.Validation.Rules;

/// <summary>
/// <c>when</c> conditions: a key from Istio's documented list
/// (https://istio.io/latest/docs/reference/config/security/conditions/), with values or notValues
/// that suit the key (IPs for <c>source.ip</c>, ports for <c>destination.port</c>, ...).
/// </summary>
internal sealed class AuthorizationPolicyConditionRule() : ValidationRule<AuthorizationPolicy>(ConfigKinds.AuthorizationPolicy)
{
    private static readonly HashSet<string> PlainKeys = new(StringComparer.Ordinal)
    {
        "source.namespace", "source.principal", "request.auth.principal", "request.auth.audiences",
        "request.auth.presenter", "connection.sni",
    };

    protected override void Validate(AuthorizationPolicy spec, ValidationContext context)
    {
        for (var i = 0; i < spec.Rules.Count; i++)
        {
            for (var k = 0; k < spec.Rules[i].When.Count; k++)
            {
                Check($"spec.rules[{i}].when[{k}]", spec.Rules[i].When[k], context);
            }
        }
    }

    private static void Check(string path, Condition condition, ValidationContext context)
    {
        var key = condition.Key;
        if (key.Length == 0)
        {
            context.Error($"{path}.key", "`key` must not be empty");
            return;
        }

        if (condition.Values.Count == 0 && condition.NotValues.Count == 0)
        {
            context.Error(path, $"at least one of `values` or `notValues` must be set for key {key}");
            return;
        }

        if (CheckKey(key) is { } keyError)
        {
            context.Error($"{path}.key", keyError);
            return;
        }

        CheckValues($"{path}.values", key, condition.Values, context);
        CheckValues($"{path}.notValues", key, condition.NotValues, context);
    }

    private static string? CheckKey(string key) => key switch
    {
        _ when PlainKeys.Contains(key) || key is "source.ip" or "remote.ip" or "destination.ip" or "destination.port" or "source.serviceAccount" or "source.trustDomain" => null,
        _ when key.StartsWith("request.headers", StringComparison.Ordinal) || key.StartsWith("request.auth.claims", StringComparison.Ordinal)
            || key.StartsWith("experimental.envoy.filters.", StringComparison.Ordinal) => IsMapKey(key) ? null : $"bad key ({key}): should have format a[b]",
        "destination.namespace" => $"attribute {key} is replaced by the metadata.namespace",
        _ when key.StartsWith("destination.labels", StringComparison.Ordinal) => $"attribute {key} is replaced by the workload selector",
        "destination.name" or "destination.user" => $"deprecated attribute {key}: only supported in v1alpha1",
        _ => $"unknown attribute: {key}",
    };

    private static bool IsMapKey(string key)
    {
        var open = key.IndexOf('[', StringComparison.Ordinal);
        return key.EndsWith(']') && open > 0 && open < key.Length - 2;
    }

    private static void CheckValues(string path, string key, RepeatedField<string> values, ValidationContext context)
    {
        SecurityValues.NotEmpty(path, key, values, context);
        switch (key)
        {
            case "source.ip" or "remote.ip" or "destination.ip":
                SecurityValues.IpBlocks(path, values, context);
                break;
            case "destination.port":
                SecurityValues.PortStrings(path, values, context);
                break;
            case "source.serviceAccount":
                SecurityValues.ServiceAccounts(path, key, values, context);
                break;
            case "source.trustDomain":
                for (var i = 0; i < values.Count; i++)
                {
                    var value = values[i];
                    var stars = value.Count(c => c == '*');
                    if (stars > 1)
                    {
                        context.Error($"{path}[{i}]", $"at most one wildcard is allowed, found in {key}: \"{value}\"");
                    }
                    else if (stars == 1 && !value.StartsWith('*') && !value.EndsWith('*'))
                    {
                        context.Error($"{path}[{i}]", $"wildcard is only allowed at the start or end, found in {key}: \"{value}\"");
                    }
                }

                break;
        }
    }
}
