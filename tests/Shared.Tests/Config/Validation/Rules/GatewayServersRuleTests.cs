using ControlPlane.TestSupport;
using ControlPlane.Shared.Config;

namespace ControlPlane.Shared.Tests.Config.Validation.Rules;

public sealed class GatewayServersRuleTests
{
    private const string Http80 = "'port':{'number':80,'name':'http','protocol':'HTTP'}";

    [Fact]
    public void Validate_ServersWithPlainAndNamespacedHosts_IsClean() => ValidationAssert.Clean(Gw(
        "[{" + Http80 + ",'hosts':['*','bookinfo.example.com','prod/*.shop.example.com','./api.example.com','10.0.0.1']}]"));

    [Theory]
    [InlineData("[]", "spec.servers", "gateway must have at least one server")]
    [InlineData("[{" + Http80 + "}]", "spec.servers[0].hosts", "server config must contain at least one host")]
    [InlineData("[{" + Http80 + ",'hosts':['reviews']}]", "spec.servers[0].hosts[0]", "short names (non FQDN) are not allowed")]
    [InlineData("[{" + Http80 + ",'hosts':['Bad_NS/a.example.com']}]", "spec.servers[0].hosts[0]", "invalid namespace value \"Bad_NS\" in gateway")]
    [InlineData("[{" + Http80 + ",'hosts':['prod/']}]", "spec.servers[0].hosts[0]", "config namespace and dnsName in host entry cannot be empty")]
    [InlineData("[{" + Http80 + ",'hosts':['a.example.com']},{" + Http80 + ",'hosts':['b.example.com']}]", "spec.servers[1].port.name", "port names in servers must be unique: duplicate name http")]
    public void Validate_BadServers_ReportsField(string servers, string path, string message) =>
        ValidationAssert.SingleError(Gw(servers), path, message);

    [Fact]
    public void Validate_GatewayNameNotDnsLabel_ReportsMetadataName() => ValidationAssert.SingleError(
        TestObjects.Create(ConfigKinds.Gateway, "{'servers':[{" + Http80 + ",'hosts':['*']}]}", name: "my.gateway"),
        "metadata.name",
        "invalid gateway name: \"my.gateway\"");

    private static ConfigObject Gw(string servers) =>
        TestObjects.Create(ConfigKinds.Gateway, "{'selector':{'istio':'ingressgateway'},'servers':" + servers + "}");
}
