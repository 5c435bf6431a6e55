using ControlPlane.Shared.Config;
using static ControlPlane.Galley.Tests.Analysis.AnalysisObjects;

namespace ControlPlane.Galley.Tests.Analysis.Analyzers;

public sealed class ConflictingMeshGatewayHostsAnalyzerTests
{
    private static readonly KubernetesObject Reviews = Service("default", "reviews");

    private static ConfigObject Routes(string name, string ns = "default", string host = "reviews", string extra = "") => IstioObject(
        ConfigKinds.VirtualService, ns, name,
        $$$"""{"hosts":["{{{host}}}"]{{{extra}}},"http":[{"route":[{"destination":{"host":"reviews.default.svc.cluster.local"}}]}]}""");

    [Fact]
    public void Analyze_TwoVirtualServicesForOneHostOnMesh_ReportsBoth()
    {
        var messages = Analyze([Routes("a"), Routes("b", host: "reviews.default.svc.cluster.local")], [Reviews]);

        Assert.Equal(["Error IST0109 VirtualService default/a", "Error IST0109 VirtualService default/b"], Summaries(messages));
        Assert.Equal(
            "The VirtualServices default/a,default/b associated with mesh gateway define the same host */reviews.default.svc.cluster.local which can lead to undefined behavior. This can be fixed by merging the conflicting VirtualServices into a single resource.",
            messages[0].Message);
    }

    [Fact]
    public void Analyze_OneBoundToANamedGatewayOnly_ReportsNothing()
    {
        Assert.Empty(Analyze([Routes("a"), Routes("b", extra: ""","gateways":["gw"]"""), IstioObject(ConfigKinds.Gateway, "default", "gw", """{"servers":[{"port":{"number":80,"name":"http","protocol":"HTTP"},"hosts":["*"]}]}""")], [Reviews]));
    }

    [Fact]
    public void Analyze_ExportedToDisjointNamespaces_ReportsNothing()
    {
        Assert.Empty(Analyze([Routes("a", extra: ""","exportTo":["."]"""), Routes("b", ns: "other", host: "reviews.default.svc.cluster.local", extra: ""","exportTo":["."]""")], [Reviews]));
    }

    [Fact]
    public void Analyze_OneExportedEverywhereAndOneLocally_ReportsBoth()
    {
        var messages = Analyze([Routes("a"), Routes("b", ns: "other", host: "reviews.default.svc.cluster.local", extra: ""","exportTo":["."]""")], [Reviews]);

        Assert.Equal(["Error IST0109 VirtualService default/a", "Error IST0109 VirtualService other/b"], Summaries(messages));
    }
}
