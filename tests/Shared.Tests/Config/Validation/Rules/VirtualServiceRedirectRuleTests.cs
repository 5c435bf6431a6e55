using ControlPlane.TestSupport;
using ControlPlane.Shared.Config;

namespace ControlPlane.Shared.Tests.Config.Validation.Rules;

public sealed class VirtualServiceRedirectRuleTests
{
    [Theory]
    [InlineData("{'redirect':{'uri':'/v1/bookRatings','authority':'newratings.default.svc.cluster.local','redirectCode':301}}")]
    [InlineData("{'directResponse':{'status':503,'body':{'string':'unavailable'}}}")]
    [InlineData("{'rewrite':{'uriRegexRewrite':{'match':'^/v1/(.*)','rewrite':'/v2/\\\\1'}},'route':[{'destination':{'host':'r'}}]}")]
    public void Validate_RedirectRewriteAndDirectResponse_IsClean(string http) => ValidationAssert.Clean(Http(http));

    [Theory]
    [InlineData("{'redirect':{'uri':'/x','redirectCode':200}}", "spec.http[0].redirect.redirectCode", "200 is not a valid redirect code, must be 3xx")]
    [InlineData("{'redirect':{'uri':'/x','scheme':'ftp'}}", "spec.http[0].redirect.scheme", "invalid redirect scheme, must be \"http\" or \"https\"")]
    [InlineData("{'redirect':{'redirectCode':302}}", "spec.http[0].redirect", "redirect must specify URI, authority, scheme, or port")]
    [InlineData("{'directResponse':{'status':100}}", "spec.http[0].directResponse.status", "HTTP status 100 is not in range 200-599")]
    [InlineData("{'rewrite':{},'route':[{'destination':{'host':'r'}}]}", "spec.http[0].rewrite", "rewrite must specify at least one of URI, UriRegexRewrite, or authority. Only one of URI or UriRegexRewrite may be specified")]
    [InlineData("{'rewrite':{'uriRegexRewrite':{'match':'^/v1'}},'route':[{'destination':{'host':'r'}}]}", "spec.http[0].rewrite.uriRegexRewrite", "UriRegexRewrite requires both Rewrite and Match fields to be specified")]
    public void Validate_BadRedirectRewriteOrDirectResponse_ReportsField(string http, string path, string message) =>
        ValidationAssert.SingleError(Http(http), path, message);

    private static ConfigObject Http(string http) =>
        TestObjects.Create(ConfigKinds.VirtualService, "{'hosts':['r'],'http':[" + http + "]}");
}
