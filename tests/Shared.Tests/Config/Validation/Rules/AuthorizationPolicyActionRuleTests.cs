using ControlPlane.TestSupport;
using ControlPlane.Shared.Config;

namespace ControlPlane.Shared.Tests.Config.Validation.Rules;

public sealed class AuthorizationPolicyActionRuleTests
{
    private const string Rule = "'rules':[{'to':[{'operation':{'paths':['/admin/*']}}]}]";

    [Theory]
    [InlineData("{'action':'ALLOW'," + Rule + "}")]
    [InlineData("{'action':'ALLOW'}")]
    [InlineData("{'action':'DENY','rules':[{}]}")]
    [InlineData("{'action':'CUSTOM','provider':{'name':'ext-authz'}," + Rule + "}")]
    [InlineData("{'action':'AUDIT'," + Rule + "}")]
    public void Validate_ActionConsistentWithProviderAndRules_IsClean(string json) => ValidationAssert.Clean(Ap(json));

    [Theory]
    [InlineData("{'action':'CUSTOM'," + Rule + "}", "spec.provider.name", "`provider.name` must not be empty")]
    [InlineData("{'action':'CUSTOM','provider':{'name':'ext-authz'}}", "spec.rules", "CUSTOM action without `rules` is meaningless as it will never be triggered, add an empty rule `{}` if you want it be triggered for every request")]
    [InlineData("{'action':'DENY'}", "spec.rules", "DENY action without `rules` is meaningless as it will never be triggered, add an empty rule `{}` if you want it be triggered for every request")]
    [InlineData("{'action':'ALLOW','provider':{'name':'ext-authz'}," + Rule + "}", "spec.provider", "`provider` must not be with non CUSTOM action, found ALLOW")]
    [InlineData("{'action':'CUSTOM','provider':{'name':'x'},'rules':[{'from':[{'source':{'principals':['cluster.local/ns/a/sa/b']}}]}]}", "spec.rules[0].from[0].source.principals", "From.Principals is currently not supported with CUSTOM action")]
    [InlineData("{'action':'CUSTOM','provider':{'name':'x'},'rules':[{'when':[{'key':'request.auth.claims[iss]','values':['a']}]}]}", "spec.rules[0].when[0].key", "request.auth.claims[iss] is currently not supported with CUSTOM action")]
    public void Validate_ActionInconsistent_ReportsField(string json, string path, string message) =>
        ValidationAssert.SingleError(Ap(json), path, message);

    private static ConfigObject Ap(string json) => TestObjects.Create(ConfigKinds.AuthorizationPolicy, json);
}
