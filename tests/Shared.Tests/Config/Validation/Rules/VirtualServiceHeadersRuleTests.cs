using ControlPlane.TestSupport;
using ControlPlane.Shared.Config;

namespace ControlPlane.Shared.Tests.Config.Validation.Rules;

public sealed class VirtualServiceHeadersRuleTests
{
    [Fact]
    public void Validate_HeaderOperations_IsClean() => ValidationAssert.Clean(Http(
        "{'request':{'set':{'x-version':'v1',':authority':'r.example.com'},'remove':['x-debug']},'response':{'add':{'x-served-by':'mesh'}}}"));

    [Theory]
    [InlineData("{'request':{'remove':['host']}}", "spec.http[0].headers.request.remove[0]", "invalid header \"host\": cannot set Host header")]
    [InlineData("{'request':{'set':{':path':'/x'}}}", "spec.http[0].headers.request.set[\":path\"]", "invalid header \":path\": header cannot have \":\" prefix")]
    [InlineData("{'response':{'set':{':status':'200'}}}", "spec.http[0].headers.response.set[\":status\"]", "invalid header \":status\": header cannot have \":\" prefix")]
    public void Validate_BadHeaderOperation_ReportsHeaderPath(string headers, string path, string message) =>
        ValidationAssert.SingleError(Http(headers), path, message);

    private static ConfigObject Http(string headers) => TestObjects.Create(
        ConfigKinds.VirtualService, "{'hosts':['r'],'http':[{'headers':" + headers + ",'route':[{'destination':{'host':'r'}}]}]}");
}
