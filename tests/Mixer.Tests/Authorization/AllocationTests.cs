using ControlPlane.Mixer.Authorization;
using ControlPlane.Mixer.Tests.Support;

namespace ControlPlane.Mixer.Tests.Authorization;

/// <summary>
/// Evaluation allocates nothing per request beyond the request's own derived values (service
/// account, trust domain, port text, host without port), each made at most once per request.
/// Measured with the thread's exact allocation counter, not timing.
/// </summary>
public sealed class AllocationTests
{
    // Every matcher kind, in DENY policies that do not match and ALLOW policies of which only the last matches.
    private static readonly string[] Rules =
    [
        """{ "action": "DENY", "rules": [ { "from": [ { "source": { "principals": ["*/sa/blocked"], "notNamespaces": ["foo"] } } ] } ] }""",
        """{ "action": "DENY", "rules": [ { "from": [ { "source": { "serviceAccounts": ["foo/blocked"], "trustDomains": ["evil.local"] } } ] } ] }""",
        """{ "action": "DENY", "rules": [ { "from": [ { "source": { "ipBlocks": ["192.168.0.0/16"], "notRemoteIpBlocks": ["10.0.0.0/8"] } } ] } ] }""",
        """{ "action": "DENY", "rules": [ { "to": [ { "operation": { "hosts": ["*.evil.com"], "ports": ["9999"], "notMethods": ["GET"] } } ] } ] }""",
        """{ "action": "DENY", "rules": [ { "to": [ { "operation": { "paths": ["/admin*", "*/secret", "/exact"] } } ] } ] }""",
        """{ "action": "DENY", "rules": [ { "when": [ { "key": "request.headers[x-blocked]", "values": ["yes"] }, { "key": "destination.port", "values": ["9999"] } ] } ] }""",
        """{ "action": "DENY", "rules": [ { "when": [ { "key": "request.auth.claims[groups]", "values": ["banned"] }, { "key": "source.ip", "values": ["1.2.3.4"] } ] } ] }""",
        """{ "action": "ALLOW", "rules": [ { "from": [ { "source": { "requestPrincipals": ["https://other/*"] } } ] } ] }""",
        """{ "action": "ALLOW", "rules": [ { "to": [ { "operation": { "methods": ["POST"], "hosts": ["reviews"] } } ] } ] }""",
        """{ "action": "ALLOW", "rules": [ { "from": [ { "source": { "namespaces": ["foo"], "serviceAccounts": ["foo/sleep"] } } ], "to": [ { "operation": { "hosts": ["reviews.default.svc.cluster.local"], "ports": ["9080"], "paths": ["/api/*"] } } ], "when": [ { "key": "destination.port", "values": ["9080"] } ] } ] }""",
    ];

    [Fact]
    public void Check_EveryMatcherKind_AllocatesNothingOnceARequestsDerivedValuesExist()
    {
        var fixture = Fixture();
        var requests = Enumerable.Range(0, 50).Select(_ => AuthorizerFixture.Request()).ToArray();
        foreach (var request in requests)
        {
            Assert.True(fixture.Check(request).Allowed);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var round = 0; round < 20; round++)
        {
            foreach (var request in requests)
            {
                fixture.Check(request);
            }
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Check_FreshRequests_AllocateOnlyTheirDerivedValuesOnce()
    {
        var fixture = Fixture();
        fixture.Check(AuthorizerFixture.Request());
        var requests = Enumerable.Range(0, 100).Select(_ => AuthorizerFixture.Request()).ToArray();
        var derived = Enumerable.Range(0, 100).Select(_ => AuthorizerFixture.Request()).ToArray();
        var beforeDerived = GC.GetAllocatedBytesForCurrentThread();
        foreach (var request in derived)
        {
            _ = (request.SourceServiceAccount, request.SourceTrustDomain, request.DestinationPortText, request.HostWithoutPort);
        }

        var derivedBytes = GC.GetAllocatedBytesForCurrentThread() - beforeDerived;

        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var request in requests)
        {
            fixture.Check(request);
            fixture.Check(request);
        }

        Assert.True(derivedBytes > 0);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before <= derivedBytes, "evaluating fresh requests twice each allocated more than their derived values");
    }

    [Fact]
    public void Check_DeniedByAPolicy_AllocatesNothing()
    {
        var fixture = new AuthorizerFixture().With(TestConfig.Policy("deny-get", "default", """{ "action": "DENY", "rules": [ { "to": [ { "operation": { "methods": ["GET"] } } ] } ] }"""));
        var request = AuthorizerFixture.Request();
        var first = fixture.Check(request);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var again = fixture.Check(request);

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Same(first, again);
        Assert.Equal("RBAC: access denied by DENY AuthorizationPolicy default/deny-get", again.DenialText);
    }

    private static AuthorizerFixture Fixture() =>
        new AuthorizerFixture().With([.. Rules.Select((rules, i) => TestConfig.Policy($"p{i:00}", "default", rules))]);
}
