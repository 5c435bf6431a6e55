using ControlPlane.TestSupport;
using ControlPlane.Shared.Config;

namespace ControlPlane.Shared.Tests.Config.Validation.Rules;

public sealed class AuthorizationPolicyDenyHttpOnlyRuleTests
{
    [Theory]
    [InlineData("{'to':[{'operation':{'ports':['8080'],'methods':['POST']}}]}")]
    [InlineData("{'from':[{'source':{'namespaces':['untrusted']}}]}")]
    [InlineData("{}")]
    public void Validate_DenyRuleWithTcpAttributes_IsClean(string rule) => ValidationAssert.Clean(Deny(rule));

    [Theory]
    [InlineData("{'to':[{'operation':{'methods':['POST']}}]}")]
    [InlineData("{'from':[{'source':{'requestPrincipals':['*']}}]}")]
    public void Validate_DenyRuleWithOnlyHttpAttributes_WarnsAboutTcpPorts(string rule) => ValidationAssert.SingleWarning(
        Deny(rule),
        "spec.rules[0]",
        "configured AuthorizationPolicy will deny all traffic to TCP ports under its scope due to the use of only HTTP attributes in a DENY rule; it is recommended to explicitly specify the port");

    private static ConfigObject Deny(string rule) =>
        TestObjects.Create(ConfigKinds.AuthorizationPolicy, "{'action':'DENY','rules':[" + rule + "]}");
}
