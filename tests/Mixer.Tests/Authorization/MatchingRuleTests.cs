using ControlPlane.Mixer.Tests.Support;

namespace ControlPlane.Mixer.Tests.Authorization;

/// <summary>Each AuthorizationPolicy matching rule, through one ALLOW policy: allowed means the rule matched.</summary>
public sealed class MatchingRuleTests
{
    [Theory]
    [InlineData("cluster.local/ns/foo/sa/sleep", true)]
    [InlineData("cluster.local/ns/foo/*", true)]
    [InlineData("*/sa/sleep", true)]
    [InlineData("*", true)]
    [InlineData("cluster.local/ns/bar/sa/sleep", false)]
    public void Principals_ExactPrefixSuffixAndAny(string pattern, bool allowed)
    {
        Assert.Equal(allowed, Allowed(From($$"""{ "principals": ["{{pattern}}"] }"""), AuthorizerFixture.Request()));
    }

    [Fact]
    public void Principals_AnyDoesNotMatchAPlaintextPeer()
    {
        Assert.False(Allowed(From("""{ "principals": ["*"] }"""), AuthorizerFixture.Request(principal: null)));
    }

    [Fact]
    public void NotPrincipals_ExcludesTheListedOnes()
    {
        var rules = From("""{ "notPrincipals": ["*/sa/sleep"] }""");

        Assert.False(Allowed(rules, AuthorizerFixture.Request()));
        Assert.True(Allowed(rules, AuthorizerFixture.Request(principal: "cluster.local/ns/foo/sa/other")));
    }

    [Fact]
    public void RequestPrincipals_AndTheirNotForm()
    {
        Assert.True(Allowed(From("""{ "requestPrincipals": ["https://issuer/*"] }"""), AuthorizerFixture.Request(requestPrincipal: "https://issuer/alice")));
        Assert.False(Allowed(From("""{ "requestPrincipals": ["*"] }"""), AuthorizerFixture.Request()));
        Assert.False(Allowed(From("""{ "notRequestPrincipals": ["https://issuer/alice"] }"""), AuthorizerFixture.Request(requestPrincipal: "https://issuer/alice")));
    }

    [Fact]
    public void Namespaces_AndTheirNotForm()
    {
        Assert.True(Allowed(From("""{ "namespaces": ["bar", "foo"] }"""), AuthorizerFixture.Request()));
        Assert.False(Allowed(From("""{ "namespaces": ["bar"] }"""), AuthorizerFixture.Request()));
        Assert.False(Allowed(From("""{ "notNamespaces": ["foo"] }"""), AuthorizerFixture.Request()));
    }

    [Fact]
    public void ServiceAccountsAndTrustDomains_ReadThePrincipal()
    {
        Assert.True(Allowed(From("""{ "serviceAccounts": ["foo/sleep"] }"""), AuthorizerFixture.Request()));
        Assert.False(Allowed(From("""{ "notServiceAccounts": ["foo/sleep"] }"""), AuthorizerFixture.Request()));
        Assert.True(Allowed(From("""{ "trustDomains": ["cluster.local"] }"""), AuthorizerFixture.Request()));
        Assert.False(Allowed(From("""{ "notTrustDomains": ["cluster.local"] }"""), AuthorizerFixture.Request()));
    }

    [Theory]
    [InlineData("10.0.0.0/24", "10.0.0.5", true)]
    [InlineData("10.0.0.5", "10.0.0.5", true)]
    [InlineData("10.0.1.0/24", "10.0.0.5", false)]
    [InlineData("fd00::/8", "fd00::1", true)]
    public void IpBlocks_CidrAndSingleAddresses(string block, string source, bool allowed)
    {
        Assert.Equal(allowed, Allowed(From($$"""{ "ipBlocks": ["{{block}}"] }"""), AuthorizerFixture.Request(sourceIp: source)));
    }

    [Fact]
    public void NotIpBlocksAndRemoteIpBlocks()
    {
        Assert.False(Allowed(From("""{ "notIpBlocks": ["10.0.0.0/8"] }"""), AuthorizerFixture.Request()));
        Assert.True(Allowed(From("""{ "remoteIpBlocks": ["10.0.0.0/8"] }"""), AuthorizerFixture.Request()));
        Assert.False(Allowed(From("""{ "notRemoteIpBlocks": ["10.0.0.5"] }"""), AuthorizerFixture.Request()));
    }

    [Theory]
    [InlineData("reviews.default.svc.cluster.local", true)]
    [InlineData("REVIEWS.default.svc.cluster.local:9080", true)]
    [InlineData("*.svc.cluster.local", true)]
    [InlineData("reviews.*", true)]
    [InlineData("ratings.default.svc.cluster.local", false)]
    public void Hosts_CaseInsensitiveWithOrWithoutPort(string host, bool allowed)
    {
        Assert.Equal(allowed, Allowed(To($$"""{ "hosts": ["{{host}}"] }"""), AuthorizerFixture.Request()));
    }

    [Fact]
    public void NotHosts_ExcludeTheHost()
    {
        Assert.False(Allowed(To("""{ "notHosts": ["reviews.default.svc.cluster.local"] }"""), AuthorizerFixture.Request()));
    }

    [Fact]
    public void Ports_AndTheirNotForm()
    {
        Assert.True(Allowed(To("""{ "ports": ["8080", "9080"] }"""), AuthorizerFixture.Request()));
        Assert.False(Allowed(To("""{ "ports": ["8080"] }"""), AuthorizerFixture.Request()));
        Assert.False(Allowed(To("""{ "notPorts": ["9080"] }"""), AuthorizerFixture.Request()));
    }

    [Fact]
    public void Methods_AndTheirNotForm()
    {
        Assert.True(Allowed(To("""{ "methods": ["GET", "HEAD"] }"""), AuthorizerFixture.Request(method: "HEAD")));
        Assert.False(Allowed(To("""{ "methods": ["GET"] }"""), AuthorizerFixture.Request(method: "POST")));
        Assert.False(Allowed(To("""{ "notMethods": ["POST"] }"""), AuthorizerFixture.Request(method: "POST")));
    }

    [Theory]
    [InlineData("/api/v1/reviews", true)]
    [InlineData("/api/*", true)]
    [InlineData("*/reviews", true)]
    [InlineData("/api", false)]
    [InlineData("/API/v1/reviews", false)]
    public void Paths_ExactPrefixSuffixCaseSensitive(string path, bool allowed)
    {
        Assert.Equal(allowed, Allowed(To($$"""{ "paths": ["{{path}}"] }"""), AuthorizerFixture.Request()));
    }

    [Fact]
    public void NotPaths_ExcludeThePath()
    {
        Assert.False(Allowed(To("""{ "notPaths": ["/api/*"] }"""), AuthorizerFixture.Request()));
        Assert.True(Allowed(To("""{ "notPaths": ["/admin*"] }"""), AuthorizerFixture.Request()));
    }

    [Fact]
    public void When_RequestHeader_ValuesAndNotValues()
    {
        var headers = new Dictionary<string, string> { ["x-tenant"] = "acme-prod" };

        Assert.True(Allowed(When("""{ "key": "request.headers[X-Tenant]", "values": ["acme-*"] }"""), AuthorizerFixture.Request(headers: headers)));
        Assert.False(Allowed(When("""{ "key": "request.headers[x-tenant]", "notValues": ["*-prod"] }"""), AuthorizerFixture.Request(headers: headers)));
        Assert.False(Allowed(When("""{ "key": "request.headers[x-missing]", "values": ["*"] }"""), AuthorizerFixture.Request(headers: headers)));
    }

    [Theory]
    [InlineData("""{ "key": "source.namespace", "values": ["foo"] }""", true)]
    [InlineData("""{ "key": "source.principal", "values": ["cluster.local/ns/foo/sa/sleep"] }""", true)]
    [InlineData("""{ "key": "source.ip", "values": ["10.0.0.0/16"] }""", true)]
    [InlineData("""{ "key": "remote.ip", "notValues": ["10.0.0.5"] }""", false)]
    [InlineData("""{ "key": "destination.ip", "values": ["10.0.1.9"] }""", true)]
    [InlineData("""{ "key": "destination.port", "values": ["9080"] }""", true)]
    [InlineData("""{ "key": "destination.port", "values": ["80"] }""", false)]
    [InlineData("""{ "key": "request.auth.principal", "values": ["*"] }""", false)]
    public void When_SourceDestinationAndAuthKeys(string condition, bool allowed)
    {
        Assert.Equal(allowed, Allowed(When(condition), AuthorizerFixture.Request()));
    }

    [Fact]
    public void When_JwtClaimsAndAudiences()
    {
        var request = new Mixer.Authorization.CheckAttributes
        {
            DestinationNamespace = "default",
            Audiences = ["api", "web"],
            Claims = new Dictionary<string, IReadOnlyList<string>> { ["groups"] = ["dev", "ops"], ["realm.role"] = ["admin"] },
        };

        Assert.True(Allowed(When("""{ "key": "request.auth.claims[groups]", "values": ["ops"] }"""), request));
        Assert.True(Allowed(When("""{ "key": "request.auth.claims[realm][role]", "values": ["admin"] }"""), request));
        Assert.False(Allowed(When("""{ "key": "request.auth.claims[groups]", "notValues": ["dev"] }"""), request));
        Assert.True(Allowed(When("""{ "key": "request.auth.audiences", "values": ["web"] }"""), request));
    }

    [Fact]
    public void Rules_AreOred_FieldsInARuleAnded_ValuesOred()
    {
        const string rules = """
            [
              { "from": [ { "source": { "namespaces": ["foo"] } } ], "to": [ { "operation": { "methods": ["GET"], "paths": ["/a", "/b"] } } ] },
              { "to": [ { "operation": { "methods": ["DELETE"] } } ] }
            ]
            """;

        Assert.True(Allowed(rules, AuthorizerFixture.Request(method: "GET", path: "/b")));
        Assert.False(Allowed(rules, AuthorizerFixture.Request(method: "GET", path: "/c")));
        Assert.False(Allowed(rules, AuthorizerFixture.Request(method: "POST", path: "/a")));
        Assert.False(Allowed(rules, AuthorizerFixture.Request(method: "GET", path: "/a", principal: "cluster.local/ns/bar/sa/x")));
        Assert.True(Allowed(rules, AuthorizerFixture.Request(method: "DELETE", path: "/z", principal: "cluster.local/ns/bar/sa/x")));
    }

    [Fact]
    public void FromEntries_AreOred_AndWhenConditionsAnded()
    {
        const string rules = """
            [ { "from": [ { "source": { "namespaces": ["bar"] } }, { "source": { "namespaces": ["foo"] } } ],
                "when": [ { "key": "request.headers[a]", "values": ["1"] }, { "key": "request.headers[b]", "values": ["2"] } ] } ]
            """;

        Assert.True(Allowed(rules, AuthorizerFixture.Request(headers: new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" })));
        Assert.False(Allowed(rules, AuthorizerFixture.Request(headers: new Dictionary<string, string> { ["a"] = "1" })));
    }

    internal static string From(string source) => $$"""[ { "from": [ { "source": {{source}} } ] } ]""";

    internal static string To(string operation) => $$"""[ { "to": [ { "operation": {{operation}} } ] } ]""";

    internal static string When(string condition) => $$"""[ { "when": [ {{condition}} ] } ]""";

    private static bool Allowed(string rules, Mixer.Authorization.CheckAttributes request) =>
        new AuthorizerFixture().With(TestConfig.Policy("allow", "default", $$"""{ "rules": {{rules}} }""")).Check(request).Allowed;
}
