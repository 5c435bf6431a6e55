using ControlPlane.TestSupport;
using ControlPlane.Shared.Config;

namespace ControlPlane.Shared.Tests.Config.Validation.Rules;

public sealed class VirtualServiceHostsRuleTests
{
    private const string Route = "'http':[{'route':[{'destination':{'host':'reviews'}}]}]";

    [Fact]
    public void Validate_ShortFqdnWildcardAndIpHosts_IsClean() =>
        ValidationAssert.Clean(Vs("{'hosts':['reviews','reviews.default.svc.cluster.local','*.example.com','10.0.0.1']," + Route + "}"));

    [Theory]
    [InlineData("['bad_host']", "spec.hosts[0]", "domain name \"bad_host\" invalid (label \"bad_host\" invalid)")]
    [InlineData("['a.*.com']", "spec.hosts[0]", "domain name \"a.*.com\" invalid (label \"*\" invalid)")]
    [InlineData("['*']", "spec.hosts[0]", "wildcard host * is not allowed for virtual services bound to the mesh gateway")]
    [InlineData("['*.example.com','a.example.com']", "spec.hosts[1]", "duplicate hosts in virtual service: *.example.com & a.example.com")]
    [InlineData("['reviews','reviews']", "spec.hosts[1]", "duplicate hosts in virtual service: reviews & reviews")]
    public void Validate_BadHosts_ReportsHostPath(string hosts, string path, string message) =>
        ValidationAssert.SingleError(Vs("{'hosts':" + hosts + "," + Route + "}"), path, message);

    [Fact]
    public void Validate_WildcardHostBoundToGateway_IsClean() =>
        ValidationAssert.Clean(Vs("{'hosts':['*'],'gateways':['istio-system/ingress']," + Route + "}"));

    [Fact]
    public void Validate_DelegateWithGateways_ReportsGateways() =>
        ValidationAssert.SingleError(Vs("{'gateways':['istio-system/ingress']," + Route + "}"), "spec.gateways", "delegate virtual service must have no gateways specified");

    private static ConfigObject Vs(string json) => TestObjects.Create(ConfigKinds.VirtualService, json);
}
