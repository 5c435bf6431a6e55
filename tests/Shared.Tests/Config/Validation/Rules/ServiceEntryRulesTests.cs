using ControlPlane.TestSupport;
using ControlPlane.Shared.Config;

namespace ControlPlane.Shared.Tests.Config.Validation.Rules;

/// <summary>ServiceEntryHostsRule, ServiceEntryAddressesRule and ServiceEntryPortsRule.</summary>
public sealed class ServiceEntryRulesTests
{
    private const string HttpsPort = "'ports':[{'number':443,'name':'https','protocol':'TLS'}]";

    [Fact]
    public void Validate_ExternalDnsEntry_IsClean() =>
        ValidationAssert.Clean(Se("{'hosts':['api.example.com','*.cdn.example.com'],'location':'MESH_EXTERNAL','resolution':'NONE'," + HttpsPort + "}"));

    [Fact]
    public void Validate_StaticEntryWithCidrAddresses_IsClean() => ValidationAssert.Clean(Se(
        "{'hosts':['db.internal'],'addresses':['10.10.0.0/16','10.20.0.1'],'ports':[{'number':5432,'name':'tcp-pg','protocol':'TCP'}],'resolution':'STATIC','endpoints':[{'address':'10.10.0.5'}]}"));

    [Theory]
    [InlineData("{'resolution':'NONE'," + HttpsPort + "}", "spec.hosts", "service entry must have at least one host")]
    [InlineData("{'hosts':['*'],'resolution':'NONE'," + HttpsPort + "}", "spec.hosts[0]", "invalid host *")]
    [InlineData("{'hosts':['bad_host.com'],'resolution':'NONE'," + HttpsPort + "}", "spec.hosts[0]", "domain name \"bad_host.com\" invalid (label \"bad_host\" invalid)")]
    [InlineData("{'hosts':['a.example.com'],'addresses':['10.0.0.300'],'resolution':'NONE'," + HttpsPort + "}", "spec.addresses[0]", "10.0.0.300 is not a valid IP")]
    [InlineData("{'hosts':['a.example.com'],'addresses':['10.0.0.0/8'],'resolution':'DNS'," + HttpsPort + "}", "spec.addresses", "CIDR addresses are allowed only for NONE/STATIC resolution types")]
    [InlineData("{'hosts':['a.example.com'],'resolution':'NONE','ports':[{'number':443,'name':'https','protocol':'TLS'},{'number':443,'name':'tls','protocol':'TLS'}]}", "spec.ports[1].number", "service entry port 443 already defined")]
    [InlineData("{'hosts':['a.example.com'],'resolution':'NONE','ports':[{'number':443,'name':'https','protocol':'TLS'},{'number':8443,'name':'https','protocol':'TLS'}]}", "spec.ports[1].name", "service entry port name \"https\" already defined")]
    [InlineData("{'hosts':['a.example.com'],'resolution':'NONE','ports':[{'number':443,'name':'Bad_Name','protocol':'TLS'}]}", "spec.ports[0].name", "invalid port name: Bad_Name")]
    [InlineData("{'hosts':['a.example.com'],'resolution':'NONE','ports':[{'number':443,'name':'https','protocol':'QUIC'}]}", "spec.ports[0].protocol", "unsupported protocol: QUIC")]
    [InlineData("{'hosts':['a.example.com'],'resolution':'NONE','ports':[{'number':0,'name':'https','protocol':'TLS'}]}", "spec.ports[0].number", "port number 0 must be in the range 1..65535")]
    [InlineData("{'hosts':['a.example.com','b.example.com'],'resolution':'DNS','ports':[{'number':5432,'name':'pg','protocol':'TCP'}]}", "spec.ports[0].protocol", "multiple hosts provided with non-HTTP, non-TLS ports")]
    public void Validate_BadHostsAddressesOrPorts_ReportsField(string json, string path, string message) =>
        ValidationAssert.SingleError(Se(json), path, message);

    [Fact]
    public void Validate_PartialWildcardHost_Warns() => ValidationAssert.SingleWarning(
        Se("{'hosts':['*example.com'],'resolution':'NONE'," + HttpsPort + "}"), "spec.hosts[0]", "partial wildcard \"*example.com\" not allowed");

    private static ConfigObject Se(string json) => TestObjects.Create(ConfigKinds.ServiceEntry, json);
}
