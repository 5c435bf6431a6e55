using ControlPlane.Pilot.Tests.Support;
using ControlPlane.Pilot.Xds.Generation;
using Envoy.Config.Route.V3;
using Istio.Networking.V1Alpha3;

namespace ControlPlane.Pilot.Tests.Xds.Generation;

/// <summary>
/// VirtualService <c>HTTPMatchRequest</c> to Envoy <c>RouteMatch</c>, case by case, as istio.io's
/// VirtualService reference describes each field. Header matchers use the per-kind fields
/// (<c>exact_match</c>, <c>prefix_match</c>...), never <c>string_match</c>, which gRPC C-core 1.51 rejects.
/// </summary>
public sealed class RouteMatchTranslatorTests
{
    [Fact]
    public void Translate_NoMatch_MatchesEveryPath()
    {
        Assert.Equal(ProtoJson.Parse<RouteMatch>("""{"prefix": "/"}"""), RouteMatchTranslator.Translate(null));
    }

    [Theory]
    [InlineData("""{}""", """{"prefix": "/"}""")]
    [InlineData("""{"uri": {"exact": "/reviews/1"}}""", """{"path": "/reviews/1"}""")]
    [InlineData("""{"uri": {"prefix": "/api/v1"}}""", """{"prefix": "/api/v1"}""")]
    [InlineData("""{"uri": {"regex": "/reviews/[0-9]+"}}""", """{"safeRegex": {"regex": "/reviews/[0-9]+"}}""")]
    [InlineData("""{"uri": {}}""", """{"prefix": "/"}""")]
    [InlineData("""{"uri": {"prefix": "/API"}, "ignoreUriCase": true}""", """{"prefix": "/API", "caseSensitive": false}""")]
    [InlineData("""{"uri": {"exact": "/Login"}, "ignoreUriCase": true}""", """{"path": "/Login", "caseSensitive": false}""")]
    [InlineData("""{"uri": {"prefix": "/api"}, "ignoreUriCase": false}""", """{"prefix": "/api"}""")]
    public void Translate_UriMatch_BecomesThePathSpecifier(string istio, string envoy)
    {
        Assert.Equal(ProtoJson.Parse<RouteMatch>(envoy), RouteMatchTranslator.Translate(ProtoJson.Parse<HTTPMatchRequest>(istio)));
    }

    [Theory]
    [InlineData("""{"headers": {"end-user": {"exact": "jason"}}}""",
        """{"prefix": "/", "headers": [{"name": "end-user", "exactMatch": "jason"}]}""")]
    [InlineData("""{"headers": {"x-tenant": {"prefix": "acme-"}}}""",
        """{"prefix": "/", "headers": [{"name": "x-tenant", "prefixMatch": "acme-"}]}""")]
    [InlineData("""{"headers": {"cookie": {"regex": "^(.*?;)?(user=jason)(;.*)?$"}}}""",
        """{"prefix": "/", "headers": [{"name": "cookie", "safeRegexMatch": {"regex": "^(.*?;)?(user=jason)(;.*)?$"}}]}""")]
    [InlineData("""{"headers": {"x-canary": {}}}""",
        """{"prefix": "/", "headers": [{"name": "x-canary", "presentMatch": true}]}""")]
    [InlineData("""{"headers": {"X-Tenant": {"exact": "Acme"}}}""",
        """{"prefix": "/", "headers": [{"name": "x-tenant", "exactMatch": "Acme"}]}""")]
    [InlineData("""{"headers": {"b-header": {"exact": "2"}, "a-header": {"exact": "1"}}}""",
        """{"prefix": "/", "headers": [{"name": "a-header", "exactMatch": "1"}, {"name": "b-header", "exactMatch": "2"}]}""")]
    public void Translate_HeaderMatch_BecomesAHeaderMatcherOfTheSameKind(string istio, string envoy)
    {
        Assert.Equal(ProtoJson.Parse<RouteMatch>(envoy), RouteMatchTranslator.Translate(ProtoJson.Parse<HTTPMatchRequest>(istio)));
    }

    [Theory]
    [InlineData("""{"withoutHeaders": {"x-debug": {"exact": "1"}}}""",
        """{"prefix": "/", "headers": [{"name": "x-debug", "exactMatch": "1", "invertMatch": true}]}""")]
    [InlineData("""{"withoutHeaders": {"x-debug": {}}}""",
        """{"prefix": "/", "headers": [{"name": "x-debug", "presentMatch": true, "invertMatch": true}]}""")]
    [InlineData("""{"headers": {"end-user": {"exact": "jason"}}, "withoutHeaders": {"end-user": {"prefix": "test-"}}}""",
        """{"prefix": "/", "headers": [{"name": "end-user", "exactMatch": "jason"}, {"name": "end-user", "prefixMatch": "test-", "invertMatch": true}]}""")]
    public void Translate_WithoutHeaders_BecomesAnInvertedHeaderMatcher(string istio, string envoy)
    {
        Assert.Equal(ProtoJson.Parse<RouteMatch>(envoy), RouteMatchTranslator.Translate(ProtoJson.Parse<HTTPMatchRequest>(istio)));
    }

    [Theory]
    [InlineData("""{"method": {"exact": "POST"}}""",
        """{"prefix": "/", "headers": [{"name": ":method", "exactMatch": "POST"}]}""")]
    [InlineData("""{"method": {"regex": "GET|HEAD"}}""",
        """{"prefix": "/", "headers": [{"name": ":method", "safeRegexMatch": {"regex": "GET|HEAD"}}]}""")]
    [InlineData("""{"authority": {"prefix": "reviews"}}""",
        """{"prefix": "/", "headers": [{"name": ":authority", "prefixMatch": "reviews"}]}""")]
    [InlineData("""{"uri": {"prefix": "/api"}, "method": {"exact": "GET"}, "authority": {"exact": "reviews:9080"}, "headers": {"end-user": {"exact": "jason"}}}""",
        """{"prefix": "/api", "headers": [{"name": ":method", "exactMatch": "GET"}, {"name": ":authority", "exactMatch": "reviews:9080"}, {"name": "end-user", "exactMatch": "jason"}]}""")]
    public void Translate_MethodAndAuthority_BecomePseudoHeaderMatchers(string istio, string envoy)
    {
        Assert.Equal(ProtoJson.Parse<RouteMatch>(envoy), RouteMatchTranslator.Translate(ProtoJson.Parse<HTTPMatchRequest>(istio)));
    }
}
