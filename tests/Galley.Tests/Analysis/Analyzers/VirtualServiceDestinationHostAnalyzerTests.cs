using ControlPlane.Shared.Config;
using static ControlPlane.Galley.Tests.Analysis.AnalysisObjects;

namespace ControlPlane.Galley.Tests.Analysis.Analyzers;

public sealed class VirtualServiceDestinationHostAnalyzerTests
{
    private static ConfigObject RouteTo(string host, string ns = "default", string port = "", string exportTo = "[]") => IstioObject(
        ConfigKinds.VirtualService, ns, "route",
        $$$"""{"hosts":["front"],"exportTo":{{{exportTo}}},"http":[{"route":[{"destination":{"host":"{{{host}}}"{{{port}}}}}]}]}""");

    private static ConfigObject Entry(string host, string ns = "default", string exportTo = "[]", string ports = """[{"number":9080,"name":"http","protocol":"HTTP"}]""") => IstioObject(
        ConfigKinds.ServiceEntry, ns, "entry",
        $$$"""{"hosts":["{{{host}}}"],"exportTo":{{{exportTo}}},"ports":{{{ports}}},"location":"MESH_INTERNAL","resolution":"DNS"}""");

    [Fact]
    public void Analyze_HostNeitherServiceNorServiceEntry_ReportsHostNotFound()
    {
        var message = Assert.Single(Analyze([RouteTo("ratings")]));

        Assert.Equal("IST0101", message.Code);
        Assert.Equal("Referenced host not found: \"ratings\"", message.Message);
        Assert.Equal("spec.http[0].route[0].destination.host", message.FieldPath);
    }

    [Fact]
    public void Analyze_ShortNameOfServiceInSameNamespace_Resolves()
    {
        Assert.Empty(Analyze([RouteTo("ratings")], [Service("default", "ratings")]));
        Assert.Empty(Analyze([RouteTo("ratings.default.svc.cluster.local", ns: "other")], [Service("default", "ratings")]));
    }

    [Fact]
    public void Analyze_ShortNameOfServiceInOtherNamespace_ReportsHostNotFound()
    {
        Assert.Equal(["Error IST0101 VirtualService other/route"], Summaries(Analyze([RouteTo("ratings", ns: "other")], [Service("default", "ratings")])));
    }

    [Fact]
    public void Analyze_ServiceEntryHostsAndWildcards_Resolve()
    {
        Assert.Empty(Analyze([RouteTo("api.example.com"), Entry("api.example.com")]));
        Assert.Empty(Analyze([RouteTo("api.example.com"), Entry("*.example.com")]));
    }

    [Fact]
    public void Analyze_ServiceEntryExportedOnlyToItsNamespace_IsNotFoundElsewhere()
    {
        Assert.Empty(Analyze([RouteTo("api.example.com", ns: "shop"), Entry("api.example.com", ns: "shop", exportTo: """["."]""")]));
        Assert.Equal(
            ["Error IST0101 VirtualService other/route"],
            Summaries(Analyze([RouteTo("api.example.com", ns: "other"), Entry("api.example.com", ns: "shop", exportTo: """["."]""")])));
    }

    [Fact]
    public void Analyze_ServiceAnnotatedExportToOwnNamespace_IsNotFoundElsewhere()
    {
        var service = Kube(
            "Service", "default", "ratings", """{"spec":{"ports":[{"name":"http","port":9080}]}}""",
            annotations: new Dictionary<string, string> { ["networking.istio.io/exportTo"] = "." });

        Assert.Empty(Analyze([RouteTo("ratings")], [service]));
        Assert.Single(Analyze([RouteTo("ratings.default.svc.cluster.local", ns: "other")], [service]));
    }

    [Fact]
    public void Analyze_PortTheServiceDoesNotHave_ReportsHostPort()
    {
        var message = Assert.Single(Analyze([RouteTo("ratings", port: ""","port":{"number":9999}""")], [Service("default", "ratings")]));

        Assert.Equal("Referenced host:port not found: \"ratings:9999\"", message.Message);
    }

    [Fact]
    public void Analyze_NoPortForServiceWithSeveral_ReportsPortSelectorRequired()
    {
        var service = Service("default", "ratings", portsJson: """[{"name":"http","port":9080},{"name":"grpc","port":9090}]""");

        var message = Assert.Single(Analyze([RouteTo("ratings")], [service]));

        Assert.Equal("IST0112", message.Code);
        Assert.Equal(
            "This VirtualService routes to a service \"ratings\" that exposes multiple ports [9080 9090]. Specifying a port in the destination is required to disambiguate.",
            message.Message);
        Assert.Empty(Analyze([RouteTo("ratings", port: ""","port":{"number":9090}""")], [service]));
    }
}
