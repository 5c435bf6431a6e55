using ControlPlane.Pilot.Tests.Support;
using ControlPlane.Pilot.Xds.Generation.Security;
using Envoy.Config.Rbac.V3;
using Istio.Security.V1Beta1;

namespace ControlPlane.Pilot.Tests.Xds.Generation.Security;

/// <summary>
/// Each field of an AuthorizationPolicy rule to its RBAC form (gRPC A41's subset): the Istio rule
/// as its YAML reads, the RBAC policy as Envoy's config dump shows it.
/// </summary>
public sealed class RbacRuleTranslatorTests
{
    private const string Any = """{"any": true}""";

    [Theory]
    [InlineData("""{}""", Any, Any)]
    [InlineData("""{"from": [{"source": {}}]}""", Any, Any)]
    [InlineData("""{"from": [{"source": {"principals": ["cluster.local/ns/default/sa/a"]}}]}""",
        """{"authenticated": {"principalName": {"exact": "spiffe://cluster.local/ns/default/sa/a"}}}""", Any)]
    [InlineData("""{"from": [{"source": {"principals": ["cluster.local/ns/default/*"]}}]}""",
        """{"authenticated": {"principalName": {"prefix": "spiffe://cluster.local/ns/default/"}}}""", Any)]
    [InlineData("""{"from": [{"source": {"principals": ["*/sa/a"]}}]}""",
        """{"authenticated": {"principalName": {"suffix": "/sa/a"}}}""", Any)]
    [InlineData("""{"from": [{"source": {"principals": ["*"]}}]}""",
        """{"authenticated": {"principalName": {"safeRegex": {"regex": ".+"}}}}""", Any)]
    [InlineData("""{"from": [{"source": {"principals": ["td/ns/a/sa/x", "td/ns/a/sa/y"]}}]}""",
        """{"orIds": {"ids": [{"authenticated": {"principalName": {"exact": "spiffe://td/ns/a/sa/x"}}}, {"authenticated": {"principalName": {"exact": "spiffe://td/ns/a/sa/y"}}}]}}""", Any)]
    [InlineData("""{"from": [{"source": {"notPrincipals": ["td/ns/a/sa/x"]}}]}""",
        """{"notId": {"authenticated": {"principalName": {"exact": "spiffe://td/ns/a/sa/x"}}}}""", Any)]
    [InlineData("""{"from": [{"source": {"namespaces": ["shop"]}}]}""",
        """{"authenticated": {"principalName": {"safeRegex": {"regex": ".*/ns/shop/.*"}}}}""", Any)]
    [InlineData("""{"from": [{"source": {"notNamespaces": ["dev-*"]}}]}""",
        """{"notId": {"authenticated": {"principalName": {"safeRegex": {"regex": ".*/ns/dev-[^/]*/.*"}}}}}""", Any)]
    [InlineData("""{"from": [{"source": {"serviceAccounts": ["shop/api"]}}]}""",
        """{"authenticated": {"principalName": {"safeRegex": {"regex": "spiffe://[^/]+/ns/shop/sa/api"}}}}""", Any)]
    [InlineData("""{"from": [{"source": {"trustDomains": ["td.example"]}}]}""",
        """{"authenticated": {"principalName": {"safeRegex": {"regex": "spiffe://td\\.example/.*"}}}}""", Any)]
    [InlineData("""{"from": [{"source": {"ipBlocks": ["10.0.0.0/8", "192.168.1.1"]}}]}""",
        """{"orIds": {"ids": [{"directRemoteIp": {"addressPrefix": "10.0.0.0", "prefixLen": 8}}, {"directRemoteIp": {"addressPrefix": "192.168.1.1", "prefixLen": 32}}]}}""", Any)]
    [InlineData("""{"from": [{"source": {"notRemoteIpBlocks": ["::1/128"]}}]}""",
        """{"notId": {"remoteIp": {"addressPrefix": "::1", "prefixLen": 128}}}""", Any)]
    [InlineData("""{"from": [{"source": {"principals": ["td/ns/a/sa/x"], "ipBlocks": ["10.0.0.1"]}}, {"source": {"namespaces": ["b"]}}]}""",
        """{"orIds": {"ids": [{"andIds": {"ids": [{"authenticated": {"principalName": {"exact": "spiffe://td/ns/a/sa/x"}}}, {"directRemoteIp": {"addressPrefix": "10.0.0.1", "prefixLen": 32}}]}}, {"authenticated": {"principalName": {"safeRegex": {"regex": ".*/ns/b/.*"}}}}]}}""", Any)]
    [InlineData("""{"to": [{"operation": {"paths": ["/pkg.Svc/Get", "/pkg.Svc/*"]}}]}""",
        Any, """{"orRules": {"rules": [{"urlPath": {"path": {"exact": "/pkg.Svc/Get"}}}, {"urlPath": {"path": {"prefix": "/pkg.Svc/"}}}]}}""")]
    [InlineData("""{"to": [{"operation": {"notPaths": ["*/Delete"]}}]}""",
        Any, """{"notRule": {"urlPath": {"path": {"suffix": "/Delete"}}}}""")]
    [InlineData("""{"to": [{"operation": {"methods": ["POST"]}}]}""",
        Any, """{"header": {"name": ":method", "stringMatch": {"exact": "POST"}}}""")]
    [InlineData("""{"to": [{"operation": {"hosts": ["api.shop"]}}]}""",
        Any, """{"header": {"name": ":authority", "stringMatch": {"exact": "api.shop", "ignoreCase": true}}}""")]
    [InlineData("""{"to": [{"operation": {"ports": ["8080"], "notPorts": ["9090"]}}]}""",
        Any, """{"andRules": {"rules": [{"destinationPort": 8080}, {"notRule": {"destinationPort": 9090}}]}}""")]
    [InlineData("""{"when": [{"key": "request.headers[X-User]", "values": ["alice"]}]}""",
        Any, """{"header": {"name": "x-user", "stringMatch": {"exact": "alice"}}}""")]
    [InlineData("""{"when": [{"key": "request.headers[x-user]", "notValues": ["bob*"]}]}""",
        Any, """{"notRule": {"header": {"name": "x-user", "stringMatch": {"prefix": "bob"}}}}""")]
    [InlineData("""{"when": [{"key": "source.principal", "values": ["td/ns/a/sa/x"]}]}""",
        """{"authenticated": {"principalName": {"exact": "spiffe://td/ns/a/sa/x"}}}""", Any)]
    [InlineData("""{"when": [{"key": "source.namespace", "values": ["a"]}]}""",
        """{"authenticated": {"principalName": {"safeRegex": {"regex": ".*/ns/a/.*"}}}}""", Any)]
    [InlineData("""{"when": [{"key": "source.ip", "values": ["10.1.0.0/16"]}]}""",
        """{"directRemoteIp": {"addressPrefix": "10.1.0.0", "prefixLen": 16}}""", Any)]
    [InlineData("""{"when": [{"key": "remote.ip", "values": ["10.1.0.0/16"]}]}""",
        """{"remoteIp": {"addressPrefix": "10.1.0.0", "prefixLen": 16}}""", Any)]
    [InlineData("""{"when": [{"key": "destination.ip", "values": ["10.2.0.1"]}]}""",
        Any, """{"destinationIp": {"addressPrefix": "10.2.0.1", "prefixLen": 32}}""")]
    [InlineData("""{"when": [{"key": "destination.port", "values": ["80", "443"]}]}""",
        Any, """{"orRules": {"rules": [{"destinationPort": 80}, {"destinationPort": 443}]}}""")]
    [InlineData("""{"when": [{"key": "connection.sni", "values": ["api.shop"]}]}""",
        Any, """{"requestedServerName": {"exact": "api.shop"}}""")]
    [InlineData("""{"from": [{"source": {"namespaces": ["a"]}}], "to": [{"operation": {"methods": ["POST"]}}], "when": [{"key": "request.headers[x-a]", "values": ["1"]}]}""",
        """{"authenticated": {"principalName": {"safeRegex": {"regex": ".*/ns/a/.*"}}}}""",
        """{"andRules": {"rules": [{"header": {"name": ":method", "stringMatch": {"exact": "POST"}}}, {"header": {"name": "x-a", "stringMatch": {"exact": "1"}}}]}}""")]
    public void Translate_EachRuleField_BecomesItsRbacForm(string rule, string principal, string permission)
    {
        var expected = new Policy { Principals = { ProtoJson.Parse<Principal>(principal) }, Permissions = { ProtoJson.Parse<Permission>(permission) } };

        Assert.Equal(expected, RbacRuleTranslator.Translate(ProtoJson.Parse<Rule>(rule), deny: false));
        Assert.Equal(expected, RbacRuleTranslator.Translate(ProtoJson.Parse<Rule>(rule), deny: true));
    }

    [Theory]
    [InlineData("""{"from": [{"source": {"requestPrincipals": ["issuer/alice"]}}]}""")]
    [InlineData("""{"from": [{"source": {"principals": ["td/ns/a/sa/x"], "notRequestPrincipals": ["*"]}}]}""")]
    [InlineData("""{"when": [{"key": "request.auth.claims[group]", "values": ["admin"]}]}""")]
    [InlineData("""{"when": [{"key": "experimental.envoy.filters.x", "values": ["1"]}]}""")]
    [InlineData("""{"to": [{"operation": {"ports": ["http"]}}]}""")]
    public void Translate_WhatGrpcCannotEvaluate_InAnAllowRule_LeavesTheRuleOut(string rule)
    {
        Assert.Null(RbacRuleTranslator.Translate(ProtoJson.Parse<Rule>(rule), deny: false));
    }

    [Theory]
    [InlineData("""{"from": [{"source": {"requestPrincipals": ["issuer/alice"]}}]}""", Any, Any)]
    [InlineData("""{"from": [{"source": {"principals": ["td/ns/a/sa/x"], "requestPrincipals": ["*"]}}]}""",
        """{"authenticated": {"principalName": {"exact": "spiffe://td/ns/a/sa/x"}}}""", Any)]
    [InlineData("""{"to": [{"operation": {"methods": ["GET"]}}], "when": [{"key": "request.auth.claims[group]", "values": ["admin"]}]}""",
        Any, """{"header": {"name": ":method", "stringMatch": {"exact": "GET"}}}""")]
    public void Translate_WhatGrpcCannotEvaluate_InADenyRule_DropsOnlyThatFieldSoItDeniesMore(string rule, string principal, string permission)
    {
        var expected = new Policy { Principals = { ProtoJson.Parse<Principal>(principal) }, Permissions = { ProtoJson.Parse<Permission>(permission) } };
        Assert.Equal(expected, RbacRuleTranslator.Translate(ProtoJson.Parse<Rule>(rule), deny: true));
    }
}
