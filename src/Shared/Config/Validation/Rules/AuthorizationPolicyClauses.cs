using ControlPlane.Shared.Config;
using Istio.Security.V1Beta1;

namespace ControlPlane.Shared.Config.Validation.Rules;

/// <summary>
/// Walks the <c>from</c> or <c>to</c> clauses of every rule of an AuthorizationPolicy: a clause
/// without its <c>source</c> or <c>operation</c> is an error (Istio's message), and each present
/// one is handed to a check with its field path and rule index.
/// </summary>
internal static class AuthorizationPolicyClauses
{
    public static void Each<TClause, TBody>(
        AuthorizationPolicy spec, string clauseName, string bodyName,
        Func<Rule, IReadOnlyList<TClause>> clauses, Func<TClause, TBody?> body,
        ValidationContext context, Action<string, int, TBody> check)
        where TBody : class
    {
        for (var i = 0; i < spec.Rules.Count; i++)
        {
            var list = clauses(spec.Rules[i]);
            for (var j = 0; j < list.Count; j++)
            {
                var path = $"spec.rules[{i}].{clauseName}[{j}].{bodyName}";
                if (body(list[j]) is { } present)
                {
                    check(path, i, present);
                }
                else
                {
                    context.Error(path, $"`{clauseName}.{bodyName}` must not be nil, found at rule {i}");
                }
            }
        }
    }
}
