using ControlPlane.TestSupport;
using ControlPlane.Shared.Config;

namespace ControlPlane.Shared.Tests.Config.Validation.Rules;

public sealed class VirtualServiceMirrorRuleTests
{
    [Fact]
    public void Validate_MirrorWithPercentage_IsClean() =>
        ValidationAssert.Clean(Http("'mirror':{'host':'r','subset':'v2'},'mirrorPercentage':{'value':50}"));

    [Theory]
    [InlineData("'mirror':{'host':'r'},'mirrorPercentage':{'value':150}", "spec.http[0].mirrorPercentage.value", "mirror percentage must have a max value of 100 (it has 150)")]
    [InlineData("'mirrors':[{'destination':{'host':'r'},'percentage':{'value':-5}}]", "spec.http[0].mirrors[0].percentage.value", "mirror percentage must have a min value of 0 (it has -5)")]
    [InlineData("'mirror':{'host':'r'},'mirrors':[{'destination':{'host':'r'}}]", "spec.http[0].mirrors", "HTTP route cannot contain both mirror and mirrors")]
    public void Validate_BadMirror_ReportsField(string fields, string path, string message) =>
        ValidationAssert.SingleError(Http(fields), path, message);

    [Fact]
    public void Validate_DeprecatedMirrorPercent_Warns() =>
        ValidationAssert.SingleWarning(Http("'mirror':{'host':'r'},'mirrorPercent':10"), "spec.http[0].mirrorPercent", "using deprecated setting \"mirrorPercent\", use \"mirrorPercentage\" instead");

    private static ConfigObject Http(string fields) => TestObjects.Create(
        ConfigKinds.VirtualService, "{'hosts':['r'],'http':[{" + fields + ",'route':[{'destination':{'host':'r'}}]}]}");
}
