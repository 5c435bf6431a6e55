using ControlPlane.TestSupport;
using ControlPlane.Shared.Config;

namespace ControlPlane.Shared.Tests.Config.Validation.Rules;

public sealed class DestinationRuleTlsRuleTests
{
    [Theory]
    [InlineData("{'mode':'ISTIO_MUTUAL'}")]
    [InlineData("{'mode':'MUTUAL','clientCertificate':'/etc/certs/cert.pem','privateKey':'/etc/certs/key.pem','caCertificates':'/etc/certs/ca.pem'}")]
    [InlineData("{'mode':'MUTUAL','credentialName':'client-credential'}")]
    [InlineData("{'mode':'SIMPLE','insecureSkipVerify':true}")]
    public void Validate_ClientTls_IsClean(string tls) => ValidationAssert.Clean(Tls(tls));

    [Theory]
    [InlineData("{'mode':'MUTUAL','privateKey':'/k.pem'}", "spec.trafficPolicy.tls.clientCertificate", "client certificate required for mutual tls")]
    [InlineData("{'mode':'MUTUAL','clientCertificate':'/c.pem'}", "spec.trafficPolicy.tls.privateKey", "private key required for mutual tls")]
    [InlineData("{'mode':'SIMPLE','credentialName':'c','caCertificates':'/ca.pem'}", "spec.trafficPolicy.tls.credentialName", "cannot specify client certificates or CA certificate or CA CRL If credentialName is set")]
    [InlineData("{'mode':'SIMPLE','insecureSkipVerify':true,'subjectAltNames':['a']}", "spec.trafficPolicy.tls.insecureSkipVerify", "cannot specify CaCertificates or CredentialName or SubjectAltNames when InsecureSkipVerify is set true")]
    public void Validate_BadClientTls_ReportsField(string tls, string path, string message) =>
        ValidationAssert.SingleError(Tls(tls), path, message);

    [Fact]
    public void Validate_BadTlsAtPortLevel_ReportsPortLevelPath() => ValidationAssert.SingleError(
        TestObjects.Create(ConfigKinds.DestinationRule, "{'host':'r','trafficPolicy':{'portLevelSettings':[{'port':{'number':443},'tls':{'mode':'MUTUAL','privateKey':'/k.pem'}}]}}"),
        "spec.trafficPolicy.portLevelSettings[0].tls.clientCertificate",
        "client certificate required for mutual tls");

    private static ConfigObject Tls(string tls) =>
        TestObjects.Create(ConfigKinds.DestinationRule, "{'host':'r','trafficPolicy':{'tls':" + tls + "}}");
}
