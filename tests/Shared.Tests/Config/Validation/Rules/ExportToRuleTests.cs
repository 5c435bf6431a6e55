using ControlPlane.TestSupport;
using ControlPlane.Shared.Config;

namespace ControlPlane.Shared.Tests.Config.Validation.Rules;

public sealed class ExportToRuleTests
{
    [Theory]
    [InlineData("['.']")]
    [InlineData("['*']")]
    [InlineData("['.','istio-system']")]
    public void Validate_ExportTo_IsClean(string exportTo) => ValidationAssert.Clean(Dr(exportTo));

    [Theory]
    [InlineData("['.','default']", "spec.exportTo[1]", "duplicate entries in exportTo: . and current namespace default")]
    [InlineData("['a','a']", "spec.exportTo[1]", "duplicate entries in exportTo for entry a")]
    [InlineData("['*','a']", "spec.exportTo", "cannot have both public (*) and non-public exportTo values for a resource")]
    [InlineData("['Bad_NS']", "spec.exportTo[0]", "only .(current namespace), *(all namespaces) or a valid namespace name is allowed in exportTo, found Bad_NS")]
    [InlineData("['~']", "spec.exportTo[0]", "exportTo ~ (no namespace) is only allowed for service entries")]
    public void Validate_BadExportTo_ReportsField(string exportTo, string path, string message) =>
        ValidationAssert.SingleError(Dr(exportTo), path, message);

    [Fact]
    public void Validate_ServiceEntryExportedToNoOneAndSomeone_ReportsExportTo() => ValidationAssert.SingleError(
        TestObjects.Create(ConfigKinds.ServiceEntry, "{'hosts':['api.example.com'],'ports':[{'number':443,'name':'https','protocol':'TLS'}],'resolution':'DNS','exportTo':['~','a']}"),
        "spec.exportTo",
        "cannot export service entry to no one (~) and someone");

    private static ConfigObject Dr(string exportTo) =>
        TestObjects.Create(ConfigKinds.DestinationRule, "{'host':'r','exportTo':" + exportTo + "}");
}
