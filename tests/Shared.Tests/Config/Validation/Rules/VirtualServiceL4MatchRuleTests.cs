using ControlPlane.TestSupport;
using ControlPlane.Shared.Config;

namespace ControlPlane.Shared.Tests.Config.Validation.Rules;

public sealed class VirtualServiceL4MatchRuleTests
{
    [Fact]
    public void Validate_SubnetsAndPorts_IsClean() =>
        ValidationAssert.Clean(Tcp("{'destinationSubnets':['10.0.0.0/8','192.168.1.1','2001:db8::/32'],'port':3306,'sourceLabels':{'app':'api'}}"));

    [Theory]
    [InlineData("{'destinationSubnets':['10.0.0.0/33']}", "spec.tcp[0].match[0].destinationSubnets[0]", "10.0.0.0/33 is not a valid CIDR block")]
    [InlineData("{'destinationSubnets':['10.1']}", "spec.tcp[0].match[0].destinationSubnets[0]", "10.1 is not a valid IP")]
    [InlineData("{'port':0,'destinationSubnets':['300.1.1.1']}", "spec.tcp[0].match[0].destinationSubnets[0]", "300.1.1.1 is not a valid IP")]
    public void Validate_BadSubnet_ReportsSubnetPath(string match, string path, string message) =>
        ValidationAssert.SingleError(Tcp(match), path, message);

    [Fact]
    public void Validate_TlsMatchPortOutOfRange_ReportsPort() => ValidationAssert.SingleError(
        TestObjects.Create(ConfigKinds.VirtualService, "{'hosts':['a.example.com'],'tls':[{'match':[{'sniHosts':['a.example.com'],'port':65536}],'route':[{'destination':{'host':'a'}}]}]}"),
        "spec.tls[0].match[0].port",
        "port number 65536 must be in the range 1..65535");

    private static ConfigObject Tcp(string match) => TestObjects.Create(
        ConfigKinds.VirtualService, "{'hosts':['db'],'tcp':[{'match':[" + match + "],'route':[{'destination':{'host':'db'}}]}]}");
}
