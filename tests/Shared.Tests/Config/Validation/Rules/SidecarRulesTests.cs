using ControlPlane.TestSupport;
using ControlPlane.Shared.Config;

namespace ControlPlane.Shared.Tests.Config.Validation.Rules;

/// <summary>SidecarRule, SidecarIngressRule and SidecarEgressRule.</summary>
public sealed class SidecarRulesTests
{
    [Fact]
    public void Validate_IngressAndEgressListeners_IsClean() => ValidationAssert.Clean(Sidecar("""
        {'workloadSelector':{'labels':{'app':'ratings'}},
         'ingress':[{'port':{'number':9080,'protocol':'HTTP','name':'http'},'defaultEndpoint':'127.0.0.1:8080','connectionPool':{'http':{'http1MaxPendingRequests':10}}}],
         'egress':[{'port':{'number':3306,'protocol':'MYSQL','name':'mysql'},'hosts':['*/mysql.example.com']},{'hosts':['./*','istio-system/*','~prod/*']}],
         'outboundTrafficPolicy':{'mode':'REGISTRY_ONLY'}}
        """));

    [Theory]
    [InlineData("{}", "spec", "sidecar: empty configuration provided")]
    [InlineData("{'egress':[{'hosts':['reviews.default.svc.cluster.local']}]}", "spec.egress[0].hosts[0]", "host must be of form namespace/dnsName")]
    [InlineData("{'egress':[{'hosts':['Bad_NS/*']}]}", "spec.egress[0].hosts[0]", "invalid namespace value \"Bad_NS\" in sidecar")]
    [InlineData("{'egress':[{'hosts':['prod/reviews']}]}", "spec.egress[0].hosts[0]", "short names (non FQDN) are not allowed")]
    [InlineData("{'egress':[{'port':{'number':80,'name':'http','protocol':'HTTP'}}]}", "spec.egress[0].hosts", "sidecar: egress listener must contain at least one host")]
    [InlineData("{'egress':[{'hosts':['./*']},{'port':{'number':80,'name':'http','protocol':'HTTP'},'hosts':['./*']}]}", "spec.egress[0]", "sidecar: the egress listener with empty port should be the last listener in the list")]
    [InlineData("{'egress':[{'port':{'number':80,'name':'a','protocol':'HTTP'},'hosts':['./*']},{'port':{'number':80,'name':'b','protocol':'HTTP'},'hosts':['./*']}]}", "spec.egress[1].port.number", "sidecar: ports on IP bound listeners must be unique")]
    [InlineData("{'ingress':[{'defaultEndpoint':'127.0.0.1:8080'}]}", "spec.ingress[0].port", "sidecar: port is required for ingress listeners")]
    [InlineData("{'ingress':[{'port':{'number':9080,'name':'http','protocol':'HTTP'},'defaultEndpoint':'10.0.0.1:8080'}]}", "spec.ingress[0].defaultEndpoint", "sidecar: defaultEndpoint must be of form 127.0.0.1:<port>, 0.0.0.0:<port>, [::1]:port, [::]:port, unix://filepath, or unset")]
    [InlineData("{'ingress':[{'port':{'number':9080,'name':'http','protocol':'HTTP'},'defaultEndpoint':'127.0.0.1:http'}]}", "spec.ingress[0].defaultEndpoint", "sidecar: defaultEndpoint port (http) is not a number")]
    [InlineData("{'outboundTrafficPolicy':{'mode':'REGISTRY_ONLY','egressProxy':{'host':'egress.example.com','port':{'number':443}}}}", "spec.outboundTrafficPolicy.egressProxy", "sidecar: egress_proxy must be set only with ALLOW_ANY outbound_traffic_policy mode")]
    [InlineData("{'inboundConnectionPool':{'tcp':{'maxConnections':-1}}}", "spec.inboundConnectionPool.tcp.maxConnections", "max connections must be non-negative")]
    public void Validate_BadSidecar_ReportsField(string json, string path, string message) =>
        ValidationAssert.SingleError(Sidecar(json), path, message);

    [Fact]
    public void Validate_DuplicatedEgressHost_Warns() => ValidationAssert.SingleWarning(
        Sidecar("{'egress':[{'hosts':['./*','./*']}]}"), "spec.egress[0].hosts[1]", "duplicated egress host: ./*");

    private static ConfigObject Sidecar(string json) => TestObjects.Create(ConfigKinds.Sidecar, json);
}
