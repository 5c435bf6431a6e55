using ControlPlane.TestSupport;
using ControlPlane.Shared.Config;

namespace ControlPlane.Shared.Tests.Config.Validation.Rules;

public sealed class VirtualServiceRoutesRuleTests
{
    [Fact]
    public void Validate_HttpTcpAndTlsRoutes_IsClean() => ValidationAssert.Clean(Vs("""
        {'hosts':['*.example.com'],
         'http':[{'route':[{'destination':{'host':'web'}}]}],
         'tcp':[{'route':[{'destination':{'host':'db'}}]}],
         'tls':[{'match':[{'sniHosts':['login.example.com']}],'route':[{'destination':{'host':'login'}}]}]}
        """));

    [Theory]
    [InlineData("{'hosts':['a']}", "spec", "http, tcp or tls must be provided in virtual service")]
    [InlineData("{'hosts':['a'],'http':[{'timeout':'1s'}]}", "spec.http[0]", "HTTP route, redirect or direct_response is required")]
    [InlineData("{'hosts':['a'],'http':[{'redirect':{'uri':'/x'},'route':[{'destination':{'host':'a'}}]}]}", "spec.http[0]", "HTTP route cannot contain both route and redirect")]
    [InlineData("{'hosts':['a'],'http':[{'directResponse':{'status':503},'fault':{'abort':{'httpStatus':500}}}]}", "spec.http[0]", "HTTP route cannot contain both fault and direct_response")]
    [InlineData("{'hosts':['a'],'tcp':[{'match':[{'port':3306}]}]}", "spec.tcp[0].route", "TCP route is required")]
    [InlineData("{'hosts':['a.example.com'],'tls':[{'route':[{'destination':{'host':'a'}}]}]}", "spec.tls[0].match", "TLS route must have at least one match condition")]
    [InlineData("{'hosts':['a.example.com'],'tls':[{'match':[{'port':443}],'route':[{'destination':{'host':'a'}}]}]}", "spec.tls[0].match[0].sniHosts", "TLS match must have at least one SNI host")]
    [InlineData("{'hosts':['a.example.com'],'tls':[{'match':[{'sniHosts':['b.example.com']}],'route':[{'destination':{'host':'a'}}]}]}", "spec.tls[0].match[0].sniHosts[0]", "SNI host \"b.example.com\" is not a compatible subset of any of the virtual service hosts: [a.example.com]")]
    public void Validate_MalformedRoutes_ReportsRoutePath(string json, string path, string message) =>
        ValidationAssert.SingleError(Vs(json), path, message);

    private static ConfigObject Vs(string json) => TestObjects.Create(ConfigKinds.VirtualService, json);
}
