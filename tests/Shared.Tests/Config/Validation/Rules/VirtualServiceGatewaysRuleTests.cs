using ControlPlane.TestSupport;
using ControlPlane.Shared.Config;

namespace ControlPlane.Shared.Tests.Config.Validation.Rules;

public sealed class VirtualServiceGatewaysRuleTests
{
    [Fact]
    public void Validate_NamespacedGatewayAndMesh_IsClean() =>
        ValidationAssert.Clean(Vs("['istio-system/ingress','mesh']", "['istio-system/ingress']"));

    [Theory]
    [InlineData("['istio-system/Bad_Name']", "spec.gateways[0]", "invalid value for gateway name: \"Bad_Name\"")]
    [InlineData("['bad_ns/ingress']", "spec.gateways[0]", "invalid value for namespace: \"bad_ns\"")]
    [InlineData("['bad_gateway']", "spec.gateways[0]", "domain name \"bad_gateway\" invalid (label \"bad_gateway\" invalid)")]
    public void Validate_BadGatewayNames_ReportsGatewayPath(string gateways, string path, string message) =>
        ValidationAssert.SingleError(Vs(gateways, "[]"), path, message);

    [Fact]
    public void Validate_BadGatewayInMatch_ReportsMatchPath() =>
        ValidationAssert.SingleError(Vs("['mesh']", "['x/Bad_Name']"), "spec.http[0].match[0].gateways[0]", "invalid value for gateway name: \"Bad_Name\"");

    [Fact]
    public void Validate_LegacyDottedGatewayName_WarnsWithNamespacedForm() =>
        ValidationAssert.SingleWarning(Vs("['ingress.istio-system']", "[]"), "spec.gateways[0]",
            "using legacy gatewayName format \"ingress.istio-system\"; prefer the <namespace>/<name> format: \"istio-system/ingress\"");

    private static ConfigObject Vs(string gateways, string matchGateways) => TestObjects.Create(
        ConfigKinds.VirtualService,
        "{'hosts':['bookinfo.example.com'],'gateways':" + gateways + ",'http':[{'match':[{'gateways':" + matchGateways + "}],'route':[{'destination':{'host':'productpage'}}]}]}");
}
