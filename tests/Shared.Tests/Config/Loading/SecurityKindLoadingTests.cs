using ControlPlane.Shared.Config;
using Istio.Security.V1Beta1;

namespace ControlPlane.Shared.Tests.Config.Loading;

public sealed class SecurityKindLoadingTests
{
    [Fact]
    public void Load_PeerAuthentication_KeepsEveryFieldValue()
    {
        var loaded = TestData.LoadSingle("peer-authentication.yaml");
        var spec = loaded.SpecAs<PeerAuthentication>();

        Assert.Same(ConfigKinds.PeerAuthentication, loaded.Kind);
        Assert.Equal("finance", spec.Selector.MatchLabels["app"]);
        Assert.Equal(PeerAuthentication.Types.MutualTLS.Types.Mode.Strict, spec.Mtls.Mode);
        Assert.Equal(PeerAuthentication.Types.MutualTLS.Types.Mode.Disable, spec.PortLevelMtls[8080].Mode);
        Assert.Equal(PeerAuthentication.Types.MutualTLS.Types.Mode.Permissive, spec.PortLevelMtls[9090].Mode);
    }

    [Fact]
    public void Load_RequestAuthentication_KeepsEveryFieldValue()
    {
        var spec = TestData.LoadSingle("request-authentication.yaml").SpecAs<RequestAuthentication>();

        Assert.Equal("httpbin", spec.Selector.MatchLabels["app"]);
        Assert.Equal(2, spec.JwtRules.Count);
        var rule = spec.JwtRules[0];
        Assert.Equal("issuer-foo", rule.Issuer);
        Assert.Equal("https://example.com/.well-known/jwks.json", rule.JwksUri);
        Assert.Equal(["bookstore_android.apps.example.com", "bookstore_web.apps.example.com"], rule.Audiences);
        Assert.Equal(("x-jwt-assertion", "Bearer "), (rule.FromHeaders[0].Name, rule.FromHeaders[0].Prefix));
        Assert.Equal(["my_token"], rule.FromParams);
        Assert.Equal(["session"], rule.FromCookies);
        Assert.Equal("x-jwt-payload", rule.OutputPayloadToHeader);
        Assert.True(rule.ForwardOriginalToken);
        Assert.Equal(("x-jwt-claim-foo", "foo"), (rule.OutputClaimToHeaders[0].Header, rule.OutputClaimToHeaders[0].Claim));
        Assert.Equal(5, rule.Timeout.Seconds);
        Assert.Equal(["custom_scope"], rule.SpaceDelimitedClaims);
        Assert.StartsWith("{\"keys\":", spec.JwtRules[1].Jwks, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_AuthorizationPolicies_KeepEveryFieldValue()
    {
        var result = new ControlPlane.Shared.Config.Loading.ConfigLoader().LoadFile(TestData.PathOf("authorization-policy.yaml"));

        Assert.Empty(result.Diagnostics);
        Assert.Equal(2, result.Objects.Count);
        var deny = result.Objects[0].SpecAs<AuthorizationPolicy>();
        Assert.Equal(AuthorizationPolicy.Types.Action.Deny, deny.Action);
        Assert.Equal("v1", deny.Selector.MatchLabels["version"]);
        var rule = Assert.Single(deny.Rules);
        Assert.Equal(["cluster.local/ns/default/sa/sleep"], rule.From[0].Source.Principals);
        Assert.Equal(["dev"], rule.From[0].Source.NotNamespaces);
        Assert.Equal(["issuer-foo/*"], rule.From[0].Source.RequestPrincipals);
        Assert.Equal(["10.0.0.0/8"], rule.From[1].Source.IpBlocks);
        Assert.Equal(["10.1.0.0/16"], rule.From[1].Source.NotRemoteIpBlocks);
        var operation = rule.To[0].Operation;
        Assert.Equal(["GET", "HEAD"], operation.Methods);
        Assert.Equal(["/info*"], operation.Paths);
        Assert.Equal(["/info/private"], operation.NotPaths);
        Assert.Equal(["8000"], operation.Ports);
        Assert.Equal("request.auth.claims[iss]", rule.When[0].Key);
        Assert.Equal(["10.2.0.1"], rule.When[1].NotValues);

        var custom = result.Objects[1].SpecAs<AuthorizationPolicy>();
        Assert.Equal(AuthorizationPolicy.Types.Action.Custom, custom.Action);
        Assert.Equal("my-ext-authz", custom.Provider.Name);
        Assert.Equal(("gateway.networking.k8s.io", "Gateway", "waypoint"), (custom.TargetRefs[0].Group, custom.TargetRefs[0].Kind, custom.TargetRefs[0].Name));
        Assert.Equal(34, result.Objects[1].Position!.Line);
    }
}
