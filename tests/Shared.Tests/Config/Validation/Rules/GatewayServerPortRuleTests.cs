using ControlPlane.TestSupport;
using ControlPlane.Shared.Config;

namespace ControlPlane.Shared.Tests.Config.Validation.Rules;

public sealed class GatewayServerPortRuleTests
{
    [Theory]
    [InlineData("'port':{'number':8080,'name':'http','protocol':'http'},'bind':'0.0.0.0'")]
    [InlineData("'port':{'number':0,'name':'uds','protocol':'HTTP'},'bind':'unix:///var/run/gw.sock'")]
    [InlineData("'port':{'number':31400,'name':'tcp','protocol':'TCP'}")]
    public void Validate_ServerPort_IsClean(string fields) => ValidationAssert.Clean(Server(fields));

    [Theory]
    [InlineData("'bind':'0.0.0.0'", "spec.servers[0].port", "port is required")]
    [InlineData("'port':{'number':80,'name':'http','protocol':'SMTP'}", "spec.servers[0].port.protocol", "invalid protocol \"SMTP\", supported protocols are HTTP, HTTP2, GRPC, GRPC-WEB, MONGO, REDIS, MYSQL, TCP")]
    [InlineData("'port':{'number':70000,'name':'http','protocol':'HTTP'}", "spec.servers[0].port.number", "port number 70000 must be in the range 1..65535")]
    [InlineData("'port':{'number':80,'protocol':'HTTP'}", "spec.servers[0].port.name", "port name must be set")]
    [InlineData("'port':{'number':80,'name':'http','protocol':'HTTP','targetPort':8080}", "spec.servers[0].port.targetPort", "targetPort has no impact on Gateways")]
    [InlineData("'port':{'number':80,'name':'http','protocol':'HTTP'},'bind':'localhost'", "spec.servers[0].bind", "localhost is not a valid IP")]
    public void Validate_BadServerPort_ReportsField(string fields, string path, string message) =>
        ValidationAssert.SingleError(Server(fields), path, message);

    private static ConfigObject Server(string fields) =>
        TestObjects.Create(ConfigKinds.Gateway, "{'servers':[{" + fields + ",'hosts':['*']}]}");
}
