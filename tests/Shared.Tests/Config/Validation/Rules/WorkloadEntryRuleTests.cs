using ControlPlane.TestSupport;
using ControlPlane.Shared.Config;

namespace ControlPlane.Shared.Tests.Config.Validation.Rules;

public sealed class WorkloadEntryRuleTests
{
    [Theory]
    [InlineData("{'address':'127.0.0.1','ports':{'http':9081},'labels':{'app':'reviews','version':'v1'},'serviceAccount':'bookinfo-reviews'}")]
    [InlineData("{'address':'vm1.example.com','ports':{'grpc':9090}}")]
    [InlineData("{'address':'2001:db8::1'}")]
    [InlineData("{'address':'unix:///var/run/app.sock'}")]
    public void Validate_WorkloadEntry_IsClean(string json) => ValidationAssert.Clean(We(json));

    [Theory]
    [InlineData("{'ports':{'http':80}}", "spec.address", "address is required")]
    [InlineData("{'address':'bad_host'}", "spec.address", "endpoint address \"bad_host\" is not a valid FQDN or an IP address")]
    [InlineData("{'address':'10.0.0.1','ports':{'http':0}}", "spec.ports.http", "port number 0 must be in the range 1..65535")]
    [InlineData("{'address':'10.0.0.1','ports':{'Bad_Name':80}}", "spec.ports.Bad_Name", "invalid port name: Bad_Name")]
    [InlineData("{'address':'unix:///var/run/app.sock','ports':{'http':80}}", "spec.ports", "unix endpoint unix:///var/run/app.sock must not include ports")]
    [InlineData("{'address':'10.0.0.1','labels':{'app':'a b'}}", "spec.labels.app", "invalid tag value: \"a b\"")]
    public void Validate_BadWorkloadEntry_ReportsField(string json, string path, string message) =>
        ValidationAssert.SingleError(We(json), path, message);

    [Fact]
    public void Validate_NoAddressWithNetwork_Warns() =>
        ValidationAssert.SingleWarning(We("{'network':'vpc-1'}"), "spec.address", "address is unset with network \"vpc-1\"");

    private static ConfigObject We(string json) => TestObjects.Create(ConfigKinds.WorkloadEntry, json);
}
