using ControlPlane.Mixer.Authorization;
using ControlPlane.Mixer.Tests.Support;

namespace ControlPlane.Mixer.Tests.Authorization;

public sealed class ActionOrderTests
{
    private const string AllowAll = """{ "rules": [ {} ] }""";
    private const string DenyAll = """{ "action": "DENY", "rules": [ {} ] }""";

    [Fact]
    public void Check_NoPolicies_Allows()
    {
        Assert.True(new AuthorizerFixture().Check(AuthorizerFixture.Request()).Allowed);
    }

    [Fact]
    public void Check_AllowPoliciesButNoneMatching_Denies()
    {
        var fixture = new AuthorizerFixture().With(TestConfig.Policy("only-post", "default", """{ "rules": [ { "to": [ { "operation": { "methods": ["POST"] } } ] } ] }"""));

        var decision = fixture.Check(AuthorizerFixture.Request(method: "GET"));

        Assert.False(decision.Allowed);
        Assert.Equal(PolicyAction.Allow, decision.DeniedBy);
    }

    [Fact]
    public void Check_AllowPolicyWithoutRules_MatchesNothing()
    {
        var fixture = new AuthorizerFixture().With(TestConfig.Policy("allow-nothing", "default", "{}"));

        Assert.False(fixture.Check(AuthorizerFixture.Request()).Allowed);
    }

    [Fact]
    public void Check_DenyPolicyWithoutRules_DeniesNothing()
    {
        var fixture = new AuthorizerFixture().With(TestConfig.Policy("deny-nothing", "default", """{ "action": "DENY" }"""));

        Assert.True(fixture.Check(AuthorizerFixture.Request()).Allowed);
    }

    [Fact]
    public void Check_DenyMatchesAndAllowMatches_DenyWins()
    {
        var fixture = new AuthorizerFixture().With(
            TestConfig.Policy("allow-all", "default", AllowAll),
            TestConfig.Policy("deny-sleep", "default", $$"""{ "action": "DENY", "rules": [ { "from": [ { "source": { "principals": ["{{AuthorizerFixture.Sleep}}"] } } ] } ] }"""));

        var decision = fixture.Check(AuthorizerFixture.Request());

        Assert.False(decision.Allowed);
        Assert.Equal("default/deny-sleep", decision.Policy);
        Assert.Equal("RBAC: access denied by DENY AuthorizationPolicy default/deny-sleep", decision.DenialText);
    }

    [Fact]
    public void Check_CustomMatches_DeniesBeforeDenyPoliciesAreConsidered()
    {
        var fixture = new AuthorizerFixture().With(
            TestConfig.Policy("deny-all", "default", DenyAll),
            TestConfig.Policy("ext", "default", """{ "action": "CUSTOM", "provider": { "name": "opa" }, "rules": [ { "to": [ { "operation": { "paths": ["/admin*"] } } ] } ] }"""));

        Assert.Equal(PolicyAction.Custom, fixture.Check(AuthorizerFixture.Request(path: "/admin/users")).DeniedBy);
        Assert.Equal(PolicyAction.Deny, fixture.Check(AuthorizerFixture.Request(path: "/api")).DeniedBy);
    }

    [Fact]
    public void Check_AuditPolicy_NeverChangesTheDecision()
    {
        var fixture = new AuthorizerFixture().With(TestConfig.Policy("audit-all", "default", """{ "action": "AUDIT", "rules": [ {} ] }"""));

        Assert.True(fixture.Check(AuthorizerFixture.Request()).Allowed);
    }

    [Fact]
    public void Check_RootNamespaceDeny_AppliesMeshWide()
    {
        var fixture = new AuthorizerFixture().With(TestConfig.Policy("global-deny", "istio-system", DenyAll));

        Assert.Equal("istio-system/global-deny", fixture.Check(AuthorizerFixture.Request(ns: "anything")).Policy);
    }

    [Fact]
    public void Check_OtherNamespacesPolicy_DoesNotApply()
    {
        var fixture = new AuthorizerFixture().With(TestConfig.Policy("deny-in-bar", "bar", DenyAll));

        Assert.True(fixture.Check(AuthorizerFixture.Request(ns: "default")).Allowed);
    }

    [Fact]
    public void Check_SelectorNotMatchingTheWorkload_DoesNotApply()
    {
        var fixture = new AuthorizerFixture().With(
            TestConfig.Policy("deny-ratings", "default", """{ "selector": { "matchLabels": { "app": "ratings" } }, "action": "DENY", "rules": [ {} ] }"""),
            TestConfig.Policy("deny-v2", "default", """{ "selector": { "matchLabels": { "app": "reviews", "version": "v2" } }, "action": "DENY", "rules": [ { "to": [ { "operation": { "methods": ["DELETE"] } } ] } ] }"""));

        Assert.True(fixture.Check(AuthorizerFixture.Request()).Allowed);
        Assert.Equal("default/deny-v2", fixture.Check(AuthorizerFixture.Request(method: "DELETE")).Policy);
        Assert.True(fixture.Check(AuthorizerFixture.Request(method: "DELETE", labels: new Dictionary<string, string> { ["app"] = "reviews", ["version"] = "v1" })).Allowed);
    }

    [Fact]
    public void Check_AllowInOneNamespace_DoesNotDenyWorkloadsOfAnother()
    {
        var fixture = new AuthorizerFixture().With(TestConfig.Policy("allow-none", "bar", "{}"));

        Assert.True(fixture.Check(AuthorizerFixture.Request(ns: "default")).Allowed);
    }

    [Fact]
    public void Check_PolicyUpdate_AppliesWithoutRestart()
    {
        var fixture = new AuthorizerFixture();
        Assert.True(fixture.Check(AuthorizerFixture.Request()).Allowed);

        fixture.With(TestConfig.Policy("deny-all", "default", DenyAll));
        Assert.False(fixture.Check(AuthorizerFixture.Request()).Allowed);

        fixture.With();
        Assert.True(fixture.Check(AuthorizerFixture.Request()).Allowed);
    }

    [Fact]
    public void Check_TargetRefPolicy_DoesNotApplyToSidecars()
    {
        var fixture = new AuthorizerFixture().With(TestConfig.Policy("waypoint", "default",
            """{ "targetRefs": [ { "kind": "Gateway", "group": "gateway.networking.k8s.io", "name": "waypoint" } ], "action": "DENY", "rules": [ {} ] }"""));

        Assert.True(fixture.Check(AuthorizerFixture.Request()).Allowed);
        Assert.Equal(DiagnosticLevelInfo, Assert.Single(fixture.Policies.Diagnostics).Level);
    }

    private const ControlPlane.Shared.Config.DiagnosticLevel DiagnosticLevelInfo = ControlPlane.Shared.Config.DiagnosticLevel.Info;
}
