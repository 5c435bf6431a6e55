using ControlPlane.TestSupport;
using ControlPlane.Shared.Config;

namespace ControlPlane.Shared.Tests.Config.Validation.Rules;

/// <summary>ServiceEntryResolutionRule and ServiceEntryEndpointsRule.</summary>
public sealed class ServiceEntryResolutionRuleTests
{
    private const string Ports = "'ports':[{'number':9080,'name':'http','protocol':'HTTP'}]";

    [Theory]
    [InlineData("'resolution':'STATIC','workloadSelector':{'labels':{'app':'reviews'}}")]
    [InlineData("'resolution':'STATIC','endpoints':[{'address':'127.0.0.1','ports':{'http':9081},'labels':{'version':'v1'}},{'address':'unix:///var/run/r.sock'}]")]
    [InlineData("'resolution':'DNS'")]
    [InlineData("'resolution':'DNS','endpoints':[{'address':'reviews.backend.example.com'},{'address':'10.0.0.2'}]")]
    [InlineData("'resolution':'DNS_ROUND_ROBIN','endpoints':[{'address':'lb.example.com'}]")]
    public void Validate_ResolutionConsistentWithEndpoints_IsClean(string fields) => ValidationAssert.Clean(Se("reviews.example.com", fields));

    [Theory]
    [InlineData("'resolution':'STATIC'", "spec.resolution", "endpoints or a workloadSelector must be provided for resolution type STATIC")]
    [InlineData("'resolution':'STATIC','endpoints':[{'address':'reviews.example.com'}]", "spec.endpoints[0].address", "endpoint address \"reviews.example.com\" is not a valid IP address")]
    [InlineData("'resolution':'STATIC','endpoints':[{'address':'10.0.0.1'}],'workloadSelector':{'labels':{'app':'r'}}", "spec.workloadSelector", "only one of WorkloadSelector or Endpoints is allowed in Service Entry")]
    [InlineData("'resolution':'NONE','endpoints':[{'address':'10.0.0.1'}]", "spec.endpoints", "no endpoints should be provided for resolution type none")]
    [InlineData("'resolution':'DNS_ROUND_ROBIN','endpoints':[{'address':'a.example.com'},{'address':'b.example.com'}]", "spec.endpoints", "there must only be 0 or 1 endpoint for resolution mode DNS_ROUND_ROBIN")]
    [InlineData("'resolution':'DNS','endpoints':[{'address':'bad_host'}]", "spec.endpoints[0].address", "endpoint address \"bad_host\" is not a valid FQDN or an IP address")]
    [InlineData("'resolution':'STATIC','endpoints':[{'address':'10.0.0.1','ports':{'grpc':9090}}]", "spec.endpoints[0].ports.grpc", "endpoint port 9090 is not defined by the service entry")]
    public void Validate_ResolutionInconsistentWithEndpoints_ReportsField(string fields, string path, string message) =>
        ValidationAssert.SingleError(Se("reviews.example.com", fields), path, message);

    [Fact]
    public void Validate_DnsWithWildcardHostAndNoEndpoints_ReportsHost() => ValidationAssert.SingleError(
        Se("*.example.com", "'resolution':'DNS'"),
        "spec.hosts[0]",
        "hosts must be FQDN if no endpoints are provided for resolution mode DNS: domain name \"*.example.com\" invalid (label \"*\" invalid)");

    [Fact]
    public void Validate_DynamicDnsWithoutWildcard_ReportsHost() => ValidationAssert.SingleError(
        Se("api.example.com", "'resolution':'DYNAMIC_DNS'"), "spec.hosts[0]", "host must be wildcarded for resolution mode DYNAMIC_DNS");

    private static ConfigObject Se(string host, string fields) =>
        TestObjects.Create(ConfigKinds.ServiceEntry, "{'hosts':['" + host + "'],'location':'MESH_INTERNAL'," + Ports + "," + fields + "}");
}
