using Istio.Security.V1Beta1;

namespace ControlPlane.Mixer.Authorization;

/// <summary>
/// Compiles a <c>when</c> condition. Keys, as Istio documents them: <c>request.headers[NAME]</c>,
/// <c>source.ip</c>, <c>remote.ip</c>, <c>source.namespace</c>, <c>source.principal</c>,
/// <c>request.auth.principal</c>, <c>request.auth.audiences</c>, <c>request.auth.presenter</c>,
/// <c>request.auth.claims[NAME]</c> (nested: <c>[a][b]</c>), <c>destination.ip</c>,
/// <c>destination.port</c>, <c>connection.sni</c>. Any other key is an error.
/// </summary>
internal static class ConditionCompiler
{
    private const string HeaderPrefix = "request.headers[";
    private const string ClaimPrefix = "request.auth.claims[";

    public static ConditionMatcher Compile(Condition condition, string path, RuleErrors errors)
    {
        if (condition.Values.Count == 0 && condition.NotValues.Count == 0)
        {
            errors.Add(path, "a condition needs values or notValues");
        }

        var key = condition.Key;
        switch (key)
        {
            case "source.ip":
                return ConditionMatcher.ForIp(r => r.SourceIp, Ips(condition, path, errors));
            case "remote.ip":
                return ConditionMatcher.ForIp(r => r.RemoteIp, Ips(condition, path, errors));
            case "destination.ip":
                return ConditionMatcher.ForIp(r => r.DestinationIp, Ips(condition, path, errors));
            case "destination.port":
                RuleCompiler.CheckPorts(condition.Values, $"{path}.values", errors);
                RuleCompiler.CheckPorts(condition.NotValues, $"{path}.notValues", errors);
                return ConditionMatcher.ForPort(Values(condition));
            case "source.namespace":
                return ConditionMatcher.ForText(r => r.SourceNamespace, Values(condition));
            case "source.principal":
                return ConditionMatcher.ForText(r => r.SourcePrincipal, Values(condition));
            case "request.auth.principal":
                return ConditionMatcher.ForText(r => r.RequestPrincipal, Values(condition));
            case "request.auth.presenter":
                return ConditionMatcher.ForText(r => r.Presenter, Values(condition));
            case "request.auth.audiences":
                return ConditionMatcher.ForList(r => r.Audiences, Values(condition));
            case "connection.sni":
                return ConditionMatcher.ForText(r => r.Sni, Values(condition));
        }

        if (Bracketed(key, HeaderPrefix) is { } header)
        {
            var name = header.ToLowerInvariant();
            return ConditionMatcher.ForText(r => r.Headers.TryGetValue(name, out var value) ? value : null, Values(condition));
        }

        if (Bracketed(key, ClaimPrefix) is { } claim)
        {
            // request.auth.claims[a][b] is the nested claim a.b.
            var claimPath = claim.Replace("][", ".", StringComparison.Ordinal);
            return ConditionMatcher.ForList(r => r.Claims.TryGetValue(claimPath, out var values) ? values : [], Values(condition));
        }

        errors.Add($"{path}.key", $"unknown condition key '{key}'");
        return ConditionMatcher.ForText(_ => null, Values(condition));
    }

    private static ValueMatcher Values(Condition condition) =>
        ValueMatcher.Create(condition.Values, condition.NotValues) ?? ValueMatcher.Create(["*"], [])!;

    private static IpMatcher Ips(Condition condition, string path, RuleErrors errors) =>
        RuleCompiler.Ips(condition.Values, condition.NotValues, $"{path}.values", $"{path}.notValues", errors) ?? new IpMatcher([], []);

    private static string? Bracketed(string key, string prefix) =>
        key.StartsWith(prefix, StringComparison.Ordinal) && key.EndsWith(']') && key.Length > prefix.Length + 1
            ? key[prefix.Length..^1]
            : null;
}
