using ControlPlane.TestSupport;
using ControlPlane.Shared.Config;

namespace ControlPlane.Shared.Tests.Config.Validation.Rules;

/// <summary>PeerAuthenticationRule, RequestAuthenticationRule and PolicyTargetRule.</summary>
public sealed class SecurityRulesTests
{
    [Theory]
    [InlineData("{'mtls':{'mode':'STRICT'}}")]
    [InlineData("{'selector':{'matchLabels':{'app':'db'}},'mtls':{'mode':'PERMISSIVE'},'portLevelMtls':{'5432':{'mode':'DISABLE'}}}")]
    public void Validate_PeerAuthentication_IsClean(string json) => ValidationAssert.Clean(TestObjects.Create(ConfigKinds.PeerAuthentication, json));

    [Theory]
    [InlineData("{'mtls':{'mode':7}}", "spec.mtls.mode", "unknown mTLS mode 7, must be one of UNSET, DISABLE, PERMISSIVE, STRICT")]
    [InlineData("{'portLevelMtls':{'8080':{'mode':'DISABLE'}}}", "spec.portLevelMtls", "mesh/namespace peer authentication cannot have port level mTLS")]
    [InlineData("{'selector':{'matchLabels':{'app':'db'}},'portLevelMtls':{'0':{'mode':'DISABLE'}}}", "spec.portLevelMtls.0", "port must be in range 1..65535")]
    public void Validate_BadPeerAuthentication_ReportsField(string json, string path, string message) =>
        ValidationAssert.SingleError(TestObjects.Create(ConfigKinds.PeerAuthentication, json), path, message);

    [Theory]
    [InlineData("{'issuer':'https://accounts.google.com','jwksUri':'https://www.googleapis.com/oauth2/v3/certs','audiences':['bookinfo'],'fromHeaders':[{'name':'x-jwt','prefix':'Bearer '}],'outputClaimToHeaders':[{'header':'x-sub','claim':'sub'}],'timeout':'5s'}")]
    [InlineData("{'issuer':'issuer-foo','jwks':'{\\'keys\\':[]}'}")]
    public void Validate_JwtRule_IsClean(string rule) => ValidationAssert.Clean(Ra(rule));

    [Theory]
    [InlineData("{'jwksUri':'https://example.com/jwks'}", "spec.jwtRules[0].issuer", "issuer must be non-empty string")]
    [InlineData("{'issuer':'i','jwksUri':'not a url'}", "spec.jwtRules[0].jwksUri", "jwksUri \"not a url\" is not a valid URL")]
    [InlineData("{'issuer':'i','jwksUri':'ftp://example.com/jwks'}", "spec.jwtRules[0].jwksUri", "URI scheme \"ftp\" is not supported")]
    [InlineData("{'issuer':'i','jwksUri':'https://example.com/jwks','jwks':'{\\'keys\\':[]}'}", "spec.jwtRules[0]", "only one of jwks or jwksUri can be set")]
    [InlineData("{'issuer':'i','jwks':'[1]'}", "spec.jwtRules[0].jwks", "jwks parse error: a JSON Web Key Set is an object with a \"keys\" array")]
    [InlineData("{'issuer':'i','audiences':['']}", "spec.jwtRules[0].audiences[0]", "audience must be non-empty string")]
    [InlineData("{'issuer':'i','fromHeaders':[{'prefix':'Bearer '}]}", "spec.jwtRules[0].fromHeaders[0].name", "location header name must be non-empty string")]
    [InlineData("{'issuer':'i','outputClaimToHeaders':[{'header':'x y','claim':'sub'}]}", "spec.jwtRules[0].outputClaimToHeaders[0].header", "header name x y is not a valid header name")]
    [InlineData("{'issuer':'i','timeout':'0s'}", "spec.jwtRules[0].timeout", "duration must be greater than 1ms")]
    public void Validate_BadJwtRule_ReportsField(string rule, string path, string message) =>
        ValidationAssert.SingleError(Ra(rule), path, message);

    [Theory]
    [InlineData("'selector':{'matchLabels':{'app':'a'}},'targetRef':{'kind':'Gateway','name':'gw'}", "spec.selector", "only one of targetRefs or workloadSelector can be set")]
    [InlineData("'targetRef':{'kind':'Gateway'}", "spec.targetRef.name", "name must be set")]
    [InlineData("'targetRefs':[{'kind':'Service','name':'a','namespace':'other'}]", "spec.targetRefs[0].namespace", "namespace must be empty or match the policy namespace \"default\"")]
    public void Validate_BadPolicyTarget_ReportsField(string fields, string path, string message) =>
        ValidationAssert.SingleError(TestObjects.Create(ConfigKinds.AuthorizationPolicy, "{" + fields + "}"), path, message);

    [Fact]
    public void Validate_PolicyTargetingAGateway_IsClean() => ValidationAssert.Clean(TestObjects.Create(
        ConfigKinds.RequestAuthentication, "{'targetRef':{'group':'gateway.networking.k8s.io','kind':'Gateway','name':'ingress'},'jwtRules':[{'issuer':'i'}]}"));

    private static ConfigObject Ra(string rule) =>
        TestObjects.Create(ConfigKinds.RequestAuthentication, "{'selector':{'matchLabels':{'app':'productpage'}},'jwtRules':[" + rule + "]}");
}
