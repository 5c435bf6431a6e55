using ControlPlane.TestSupport;
using ControlPlane.Shared.Config;

namespace ControlPlane.Shared.Tests.Config.Validation.Rules;

public sealed class DestinationRuleTrafficPolicyRuleTests
{
    [Fact]
    public void Validate_PortLevelSettingsAndTunnel_IsClean() => ValidationAssert.Clean(Policy(
        "{'portLevelSettings':[{'port':{'number':9080},'loadBalancer':{'simple':'LEAST_REQUEST'}}],'tunnel':{'protocol':'CONNECT','targetHost':'proxy.example.com','targetPort':3128}}"));

    [Theory]
    [InlineData("{}", "spec.trafficPolicy", "traffic policy must have at least one field")]
    [InlineData("{'tunnel':{'targetHost':'10.0.0.1','targetPort':8080},'proxyProtocol':{}}", "spec.trafficPolicy", "tunnel and proxyProtocol must not be set together")]
    [InlineData("{'tunnel':{'protocol':'GET','targetHost':'10.0.0.1','targetPort':8080}}", "spec.trafficPolicy.tunnel.protocol", "tunnel protocol must be \"CONNECT\" or \"POST\"")]
    [InlineData("{'tunnel':{'targetHost':'10.0.0.1','targetPort':0}}", "spec.trafficPolicy.tunnel.targetPort", "port number 0 must be in the range 1..65535")]
    [InlineData("{'portLevelSettings':[{'loadBalancer':{'simple':'RANDOM'}}]}", "spec.trafficPolicy.portLevelSettings[0].port", "portTrafficPolicy must have valid port")]
    [InlineData("{'portLevelSettings':[{'port':{'number':80}}]}", "spec.trafficPolicy.portLevelSettings[0]", "port traffic policy must have at least one field")]
    public void Validate_BadTrafficPolicy_ReportsField(string policy, string path, string message) =>
        ValidationAssert.SingleError(Policy(policy), path, message);

    [Fact]
    public void Validate_EmptySubsetPolicy_ReportsSubsetPath() => ValidationAssert.SingleError(
        TestObjects.Create(ConfigKinds.DestinationRule, "{'host':'r','subsets':[{'name':'v1','trafficPolicy':{}}]}"),
        "spec.subsets[0].trafficPolicy",
        "traffic policy must have at least one field");

    private static ConfigObject Policy(string policy) =>
        TestObjects.Create(ConfigKinds.DestinationRule, "{'host':'r','trafficPolicy':" + policy + "}");
}
