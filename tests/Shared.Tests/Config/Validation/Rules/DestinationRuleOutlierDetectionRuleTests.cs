using ControlPlane.TestSupport;
using ControlPlane.Shared.Config;

namespace ControlPlane.Shared.Tests.Config.Validation.Rules;

public sealed class DestinationRuleOutlierDetectionRuleTests
{
    [Fact]
    public void Validate_OutlierDetection_IsClean() => ValidationAssert.Clean(Outlier(
        "{'consecutive5xxErrors':7,'interval':'300s','baseEjectionTime':'900s','maxEjectionPercent':100,'minHealthPercent':50}"));

    [Theory]
    [InlineData("{'maxEjectionPercent':101}", "spec.trafficPolicy.outlierDetection.maxEjectionPercent", "percentage 101 is not in range 0..100")]
    [InlineData("{'minHealthPercent':-1}", "spec.trafficPolicy.outlierDetection.minHealthPercent", "percentage -1 is not in range 0..100")]
    [InlineData("{'interval':'0s'}", "spec.trafficPolicy.outlierDetection.interval", "duration must be greater than 1ms")]
    [InlineData("{'baseEjectionTime':'1.0001s'}", "spec.trafficPolicy.outlierDetection.baseEjectionTime", "only durations to ms precision are supported")]
    [InlineData("{'consecutiveLocalOriginFailures':5}", "spec.trafficPolicy.outlierDetection.consecutiveLocalOriginFailures", "outlier detection consecutive local origin failures is specified, but split external local origin errors is set to false")]
    public void Validate_BadOutlierDetection_ReportsField(string outlier, string path, string message) =>
        ValidationAssert.SingleError(Outlier(outlier), path, message);

    [Fact]
    public void Validate_DeprecatedConsecutiveErrors_Warns() => ValidationAssert.SingleWarning(
        Outlier("{'consecutiveErrors':5}"),
        "spec.trafficPolicy.outlierDetection.consecutiveErrors",
        "outlier detection consecutive errors is deprecated, use consecutiveGatewayErrors or consecutive5xxErrors instead");

    private static ConfigObject Outlier(string outlier) =>
        TestObjects.Create(ConfigKinds.DestinationRule, "{'host':'r','trafficPolicy':{'outlierDetection':" + outlier + "}}");
}
