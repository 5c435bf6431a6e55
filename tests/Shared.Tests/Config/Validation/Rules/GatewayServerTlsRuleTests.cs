using ControlPlane.TestSupport;
using ControlPlane.Shared.Config;

namespace ControlPlane.Shared.Tests.Config.Validation.Rules;

public sealed class GatewayServerTlsRuleTests
{
    private const string Https = "'port':{'number':443,'name':'https','protocol':'HTTPS'}";

    [Theory]
    [InlineData(Https + ",'tls':{'mode':'SIMPLE','credentialName':'bookinfo-cert'}")]
    [InlineData(Https + ",'tls':{'mode':'SIMPLE','serverCertificate':'/etc/certs/cert.pem','privateKey':'/etc/certs/key.pem'}")]
    [InlineData(Https + ",'tls':{'mode':'MUTUAL','serverCertificate':'/c.pem','privateKey':'/k.pem','caCertificates':'/ca.pem'}")]
    [InlineData("'port':{'number':443,'name':'tls','protocol':'TLS'},'tls':{'mode':'PASSTHROUGH'}")]
    [InlineData("'port':{'number':15443,'name':'tls','protocol':'TLS'},'tls':{'mode':'ISTIO_MUTUAL'}")]
    [InlineData("'port':{'number':80,'name':'http','protocol':'HTTP'},'tls':{'httpsRedirect':true}")]
    public void Validate_ServerTls_IsClean(string fields) => ValidationAssert.Clean(Server(fields));

    [Theory]
    [InlineData(Https, "spec.servers[0].tls", "server must have TLS settings for HTTPS/TLS protocols")]
    [InlineData(Https + ",'tls':{'mode':'SIMPLE','privateKey':'/k.pem'}", "spec.servers[0].tls.serverCertificate", "SIMPLE TLS requires a server certificate")]
    [InlineData(Https + ",'tls':{'mode':'SIMPLE','serverCertificate':'/c.pem'}", "spec.servers[0].tls.privateKey", "SIMPLE TLS requires a private key")]
    [InlineData(Https + ",'tls':{'mode':'MUTUAL','serverCertificate':'/c.pem','privateKey':'/k.pem'}", "spec.servers[0].tls.caCertificates", "MUTUAL TLS requires a client CA bundle")]
    [InlineData(Https + ",'tls':{'mode':'ISTIO_MUTUAL','credentialName':'c'}", "spec.servers[0].tls.credentialName", "ISTIO_MUTUAL TLS cannot have associated credentialName")]
    [InlineData(Https + ",'tls':{'mode':'SIMPLE','credentialName':'c','serverCertificate':'/c.pem','privateKey':'/k.pem'}", "spec.servers[0].tls", "only one of credential_name, credential_names, server_certificate/private_key, tls_certificates should be specified")]
    [InlineData("'port':{'number':31400,'name':'tcp','protocol':'TCP'},'tls':{'mode':'SIMPLE','credentialName':'c'}", "spec.servers[0].tls", "server cannot have TLS settings for non HTTPS/TLS ports")]
    public void Validate_BadServerTls_ReportsField(string fields, string path, string message) =>
        ValidationAssert.SingleError(Server(fields), path, message);

    [Fact]
    public void Validate_PassthroughWithCertificates_WarnsTheyAreIgnored() => ValidationAssert.SingleWarning(
        Server("'port':{'number':443,'name':'tls','protocol':'TLS'},'tls':{'mode':'AUTO_PASSTHROUGH','credentialName':'c'}"),
        "spec.servers[0].tls",
        "AUTO_PASSTHROUGH mode does not use certificates, they will be ignored");

    private static ConfigObject Server(string fields) =>
        TestObjects.Create(ConfigKinds.Gateway, "{'servers':[{" + fields + ",'hosts':['bookinfo.example.com']}]}");
}
