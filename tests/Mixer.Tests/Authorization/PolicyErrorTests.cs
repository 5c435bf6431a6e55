using ControlPlane.Mixer.Tests.Support;

namespace ControlPlane.Mixer.Tests.Authorization;

public sealed class PolicyErrorTests
{
    [Fact]
    public void Compile_EveryBadField_IsReportedWithItsPath()
    {
        var fixture = new AuthorizerFixture().With(TestConfig.Policy("bad", "default", """
            { "rules": [ {
                "from": [ { "source": { "ipBlocks": ["10.0.0.0/8", "not-an-ip"] } } ],
                "to": [ { "operation": { "ports": ["http"] } } ],
                "when": [ { "key": "request.colour", "values": ["red"] }, { "key": "source.ip" } ]
            } ] }
            """));

        Assert.Equal(
            [
                "bad.yaml:1:1: AuthorizationPolicy default/bad: spec.rules[0].from[0].source.ipBlocks[1]: 'not-an-ip' is not an IP address or CIDR range",
                "bad.yaml:1:1: AuthorizationPolicy default/bad: spec.rules[0].to[0].operation.ports[0]: 'http' is not a port number (1..65535)",
                "bad.yaml:1:1: AuthorizationPolicy default/bad: spec.rules[0].when[0].key: unknown condition key 'request.colour'",
                "bad.yaml:1:1: AuthorizationPolicy default/bad: spec.rules[0].when[1]: a condition needs values or notValues",
            ],
            fixture.Policies.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Check_BrokenAllowRule_NeverMatches()
    {
        var fixture = new AuthorizerFixture().With(TestConfig.Policy("bad", "default", """
            { "rules": [ { "to": [ { "operation": { "methods": ["GET"] } } ], "when": [ { "key": "request.colour", "values": ["red"] } ] } ] }
            """));

        Assert.False(fixture.Check(AuthorizerFixture.Request()).Allowed);
    }

    [Fact]
    public void Check_BrokenDenyRule_DeniesEverything()
    {
        var fixture = new AuthorizerFixture().With(TestConfig.Policy("bad-deny", "default", """
            { "action": "DENY", "rules": [ { "to": [ { "operation": { "ports": ["http"] } } ] } ] }
            """));

        Assert.Equal("default/bad-deny", fixture.Check(AuthorizerFixture.Request()).Policy);
    }
}
