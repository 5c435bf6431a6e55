using ControlPlane.TestSupport;
using ControlPlane.Shared.Config;

namespace ControlPlane.Shared.Tests.Config.Validation.Rules;

public sealed class VirtualServiceMatchRuleTests
{
    private const string Re2 = "; Istio uses RE2 style regex-based match (https://github.com/google/re2/wiki/Syntax)";

    [Fact]
    public void Validate_Re2RegexesPrefixesAndHeaders_IsClean() => ValidationAssert.Clean(Match("""
        {'uri':{'regex':'^/api/v[0-9]+/(?P<rest>.*)$'},'authority':{'prefix':'shop'},'method':{'exact':'GET'},
         'headers':{'end-user':{'exact':'jason'},'x-trace':{'regex':'\\pL+[[:digit:]]*'},':path':{'prefix':'/'}},
         'queryParams':{'v':{'regex':'\\Q1.0\\E'}},'withoutHeaders':{'x-debug':{'regex':'*'}},
         'port':9080,'sourceNamespace':'frontend','sourceLabels':{'app':'web'}}
        """));

    [Theory]
    [InlineData("{'uri':{'regex':'(a)\\\\1'}}", "spec.http[0].match[0].uri.regex", "invalid regex \"(a)\\1\": backreference \\1 is not supported" + Re2)]
    [InlineData("{'uri':{'regex':'foo(?=bar)'}}", "spec.http[0].match[0].uri.regex", "invalid regex \"foo(?=bar)\": lookahead (?=) is not supported" + Re2)]
    [InlineData("{'headers':{'x':{'regex':'(?<!a)b'}}}", "spec.http[0].match[0].headers.x.regex", "invalid regex \"(?<!a)b\": lookbehind (?<!) is not supported" + Re2)]
    [InlineData("{'authority':{'regex':'a++'}}", "spec.http[0].match[0].authority.regex", "invalid regex \"a++\": possessive quantifier ++ is not supported" + Re2)]
    [InlineData("{'uri':{'regex':''}}", "spec.http[0].match[0].uri.regex", "regex string match should not be empty")]
    [InlineData("{'authority':{'prefix':''}}", "spec.http[0].match[0].authority.prefix", "prefix string match should not be empty")]
    [InlineData("{'headers':{'bad header':{'exact':'x'}}}", "spec.http[0].match[0].headers[\"bad header\"]", "header name bad header is not a valid header name")]
    [InlineData("{'port':70000}", "spec.http[0].match[0].port", "port number 70000 must be in the range 1..65535")]
    [InlineData("{'sourceNamespace':'Bad_ns'}", "spec.http[0].match[0].sourceNamespace", "sourceNamespace match Bad_ns is invalid")]
    [InlineData("{'sourceLabels':{'app':'bad value'}}", "spec.http[0].match[0].sourceLabels.app", "invalid tag value: \"bad value\"")]
    public void Validate_BadMatch_ReportsMatchField(string match, string path, string message) =>
        ValidationAssert.SingleError(Match(match), path, message);

    [Fact]
    public void Validate_UnbalancedRegex_ReportsDotNetParseError()
    {
        var error = ValidationAssert.SingleError(Match("{'uri':{'regex':'(abc'}}"), "spec.http[0].match[0].uri.regex",
            "invalid regex \"(abc\": InsufficientClosingParentheses at offset 4" + Re2);
        Assert.Equal(DiagnosticLevel.Error, error.Level);
    }

    private static ConfigObject Match(string match) => TestObjects.Create(
        ConfigKinds.VirtualService,
        "{'hosts':['reviews'],'http':[{'match':[" + match + "],'route':[{'destination':{'host':'reviews'}}]}]}");
}
