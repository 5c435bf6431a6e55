using ControlPlane.TestSupport;
using ControlPlane.Shared.Config;

namespace ControlPlane.Shared.Tests.Config.Validation.Rules;

public sealed class VirtualServiceDestinationsRuleTests
{
    [Fact]
    public void Validate_DestinationsWithSubsetsPortsAndMirrors_IsClean() => ValidationAssert.Clean(Http("""
        {'route':[{'destination':{'host':'reviews.default.svc.cluster.local','subset':'v1','port':{'number':9080}}}],
         'mirror':{'host':'reviews','subset':'v2'}}
        """));

    [Theory]
    [InlineData("{'route':[{'destination':{'host':'*'}}]}", "spec.http[0].route[0].destination.host", "invalid destination host *")]
    [InlineData("{'route':[{'destination':{'host':''}}]}", "spec.http[0].route[0].destination.host", "empty domain name not allowed")]
    [InlineData("{'route':[{'destination':{'host':'reviews','subset':'V_1'}}]}", "spec.http[0].route[0].destination.subset", "subset name is invalid: V_1")]
    [InlineData("{'route':[{'destination':{'host':'reviews','port':{'number':0}}}]}", "spec.http[0].route[0].destination.port.number", "port number 0 must be in the range 1..65535")]
    [InlineData("{'route':[{'weight':100}]}", "spec.http[0].route[0].destination", "destination is required")]
    [InlineData("{'route':[{'destination':{'host':'a'}}],'mirror':{'host':'bad_host'}}", "spec.http[0].mirror.host", "domain name \"bad_host\" invalid (label \"bad_host\" invalid)")]
    [InlineData("{'route':[{'destination':{'host':'a'}}],'mirrors':[{'percentage':{'value':5}}]}", "spec.http[0].mirrors[0].destination", "destination is required for mirrors")]
    public void Validate_BadDestination_ReportsDestinationField(string http, string path, string message) =>
        ValidationAssert.SingleError(Http(http), path, message);

    private static ConfigObject Http(string http) =>
        TestObjects.Create(ConfigKinds.VirtualService, "{'hosts':['reviews'],'http':[" + http + "]}");
}
