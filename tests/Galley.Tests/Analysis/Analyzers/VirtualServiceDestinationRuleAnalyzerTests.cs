using ControlPlane.Shared.Config;
using static ControlPlane.Galley.Tests.Analysis.AnalysisObjects;

namespace ControlPlane.Galley.Tests.Analysis.Analyzers;

public sealed class VirtualServiceDestinationRuleAnalyzerTests
{
    private static readonly KubernetesObject ReviewsService = Service("default", "reviews");

    private static ConfigObject ReviewsRoute(string subset, string ns = "default") => IstioObject(
        ConfigKinds.VirtualService, ns, "reviews",
        $$$"""{"hosts":["reviews"],"http":[{"route":[{"destination":{"host":"reviews.default.svc.cluster.local","subset":"{{{subset}}}"}}]}]}""");

    private static ConfigObject ReviewsRule(string host = "reviews", string exportTo = "[]") => IstioObject(
        ConfigKinds.DestinationRule, "default", "reviews",
        $$$"""{"host":"{{{host}}}","exportTo":{{{exportTo}}},"subsets":[{"name":"v1","labels":{"version":"v1"}}]}""");

    [Fact]
    public void Analyze_SubsetNoRuleDefines_ReportsReferencedResourceNotFound()
    {
        var messages = Analyze([ReviewsRoute("v9"), ReviewsRule()], [ReviewsService]);

        var message = Assert.Single(messages, m => m.Code == "IST0101");
        Assert.Equal(DiagnosticLevel.Error, message.Level);
        Assert.Equal("VirtualService default/reviews", message.ObjectReference);
        Assert.Equal("Referenced host+subset in destinationrule not found: \"reviews.default.svc.cluster.local+v9\"", message.Message);
        Assert.Equal("spec.http[0].route[0].destination.subset", message.FieldPath);
    }

    [Fact]
    public void Analyze_SubsetDefinedUnderShortHostName_ReportsNothing()
    {
        Assert.Empty(Analyze([ReviewsRoute("v1"), ReviewsRule("reviews")], [ReviewsService]));
        Assert.Empty(Analyze([ReviewsRoute("v1"), ReviewsRule("reviews.default.svc.cluster.local")], [ReviewsService]));
    }

    [Fact]
    public void Analyze_RuleExportedOnlyToItsOwnNamespace_IsNotSeenFromAnother()
    {
        var messages = Analyze([ReviewsRoute("v1", ns: "other"), ReviewsRule(exportTo: """["."]""")], [ReviewsService]);

        Assert.Contains("Error IST0101 VirtualService other/reviews", Summaries(messages));
    }

    [Fact]
    public void Analyze_MirrorToUndefinedSubset_ReportsMirrorSubset()
    {
        var vs = IstioObject(
            ConfigKinds.VirtualService, "default", "reviews",
            """{"hosts":["reviews"],"http":[{"route":[{"destination":{"host":"reviews"}}],"mirror":{"host":"reviews","subset":"v2"}}]}""");

        var message = Assert.Single(Analyze([vs, ReviewsRule()], [ReviewsService]));

        Assert.Equal("Referenced mirror+subset in destinationrule not found: \"reviews+v2\"", message.Message);
    }
}
