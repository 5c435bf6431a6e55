using ControlPlane.Shared.Config;
using static ControlPlane.Galley.Tests.Analysis.AnalysisObjects;

namespace ControlPlane.Galley.Tests.Analysis.Analyzers;

public sealed class VirtualServiceGatewayAnalyzerTests
{
    private static ConfigObject Bound(string gateways, string ns = "default", string host = "bookinfo.example.com") => IstioObject(
        ConfigKinds.VirtualService, ns, "bookinfo",
        $$$"""{"hosts":["{{{host}}}"],"gateways":{{{gateways}}},"http":[{"route":[{"destination":{"host":"productpage.default.svc.cluster.local"}}]}]}""");

    private static ConfigObject Gateway(string hosts = """["*"]""", string ns = "default") => IstioObject(
        ConfigKinds.Gateway, ns, "bookinfo-gateway",
        $$$"""{"selector":{"istio":"ingressgateway"},"servers":[{"port":{"number":80,"name":"http","protocol":"HTTP"},"hosts":{{{hosts}}}}]}""");

    private static readonly KubernetesObject Productpage = Service("default", "productpage");

    [Fact]
    public void Analyze_GatewayThatDoesNotExist_ReportsReferencedResourceNotFoundAndHostNotFoundInGatewayAsIstioDoes()
    {
        var messages = Analyze([Bound("""["mesh","bookinfo-gateway"]""")], [Productpage]);

        Assert.Equal(["IST0101", "IST0132"], messages.Select(m => m.Code));
        var message = messages[0];
        Assert.Equal("IST0101", message.Code);
        Assert.Equal("Referenced gateway not found: \"bookinfo-gateway\"", message.Message);
        Assert.Equal("spec.gateways[1]", message.FieldPath);
    }

    [Fact]
    public void Analyze_GatewayByShortOrNamespacedName_ReportsNothing()
    {
        Assert.Empty(Analyze([Bound("""["bookinfo-gateway"]"""), Gateway()], [Productpage]));
        Assert.Empty(Analyze([Bound("""["istio-system/bookinfo-gateway"]""", ns: "default"), Gateway(ns: "istio-system")], [Productpage]));
    }

    [Fact]
    public void Analyze_GatewayInAnotherNamespaceByShortName_IsNotFound()
    {
        Assert.Equal(
            ["Error IST0101 VirtualService default/bookinfo", "Warning IST0132 VirtualService default/bookinfo"],
            Summaries(Analyze([Bound("""["bookinfo-gateway"]"""), Gateway(ns: "istio-system")], [Productpage])));
    }

    [Fact]
    public void Analyze_HostTheGatewayDoesNotServe_ReportsHostNotFoundInGateway()
    {
        var message = Assert.Single(Analyze([Bound("""["bookinfo-gateway"]"""), Gateway("""["shop.example.com","other/*"]""")], [Productpage]));

        Assert.Equal("IST0132", message.Code);
        Assert.Equal(DiagnosticLevel.Warning, message.Level);
        Assert.Equal(
            "one or more host [bookinfo.example.com] defined in VirtualService default/bookinfo not found in Gateway default/bookinfo-gateway.",
            message.Message);
    }

    [Fact]
    public void Analyze_GatewayHostsWithNamespacesAndWildcards_Match()
    {
        Assert.Empty(Analyze([Bound("""["bookinfo-gateway"]"""), Gateway("""["./*.example.com"]""")], [Productpage]));
        Assert.Empty(Analyze([Bound("""["bookinfo-gateway"]"""), Gateway("""["default/bookinfo.example.com"]""")], [Productpage]));
    }
}
