using ControlPlane.Shared.Config;
using Istio.Security.V1Beta1;

namespace ControlPlane.Shared.Config.Validation.Rules;

/// <summary>
/// <c>to</c> clauses: each with a non-empty operation; hosts, methods, paths and ports non-empty
/// strings; ports numbers in 0..65535; path templates (<c>{*}</c>, <c>{**}</c>) used as whole segments.
/// </summary>
internal sealed class AuthorizationPolicyOperationRule() : ValidationRule<AuthorizationPolicy>(ConfigKinds.AuthorizationPolicy)
{
    protected override void Validate(AuthorizationPolicy spec, ValidationContext context) =>
        AuthorizationPolicyClauses.Each(spec, "to", "operation", r => r.To, c => c.Operation, context, (path, rule, value) => Check(path, rule, value, context));

    private static void Check(string path, int rule, Operation o, ValidationContext context)
    {
        if (o.Hosts.Count + o.NotHosts.Count + o.Ports.Count + o.NotPorts.Count + o.Methods.Count + o.NotMethods.Count + o.Paths.Count + o.NotPaths.Count == 0)
        {
            context.Error(path, $"`to.operation` must not be empty, found at rule {rule}");
        }

        SecurityValues.NotEmpty($"{path}.hosts", "Hosts", o.Hosts, context);
        SecurityValues.NotEmpty($"{path}.notHosts", "NotHosts", o.NotHosts, context);
        SecurityValues.NotEmpty($"{path}.ports", "Ports", o.Ports, context);
        SecurityValues.NotEmpty($"{path}.notPorts", "NotPorts", o.NotPorts, context);
        SecurityValues.NotEmpty($"{path}.methods", "Methods", o.Methods, context);
        SecurityValues.NotEmpty($"{path}.notMethods", "NotMethods", o.NotMethods, context);
        SecurityValues.NotEmpty($"{path}.paths", "Paths", o.Paths, context);
        SecurityValues.NotEmpty($"{path}.notPaths", "NotPaths", o.NotPaths, context);
        SecurityValues.PortStrings($"{path}.ports", o.Ports, context);
        SecurityValues.PortStrings($"{path}.notPorts", o.NotPorts, context);
        CheckPathTemplates($"{path}.paths", "Paths", o.Paths, context);
        CheckPathTemplates($"{path}.notPaths", "NotPaths", o.NotPaths, context);
    }

    private static void CheckPathTemplates(string path, string name, IReadOnlyList<string> values, ValidationContext context)
    {
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i];
            if (!value.Contains('{', StringComparison.Ordinal) && !value.Contains('}', StringComparison.Ordinal))
            {
                continue;
            }

            var segments = value.Split('/');
            var anyIndex = Array.FindIndex(segments, s => s == "{**}");
            var valid = segments.All(s => s is "{*}" or "{**}" || (!s.Contains('{', StringComparison.Ordinal) && !s.Contains('}', StringComparison.Ordinal)))
                && (anyIndex < 0 || anyIndex == segments.Length - 1);
            if (!valid)
            {
                context.Error($"{path}[{i}]", $"invalid or unsupported path {value}, found in {name}. Path templates must be whole segments ({{*}} or {{**}}), and {{**}} must be the last segment");
            }
        }
    }
}
