using ControlPlane.Shared.Config;
using static ControlPlane.Galley.Tests.Analysis.AnalysisObjects;

namespace ControlPlane.Galley.Tests.Analysis.Analyzers;

public sealed class DestinationRuleAnalyzersTests
{
    private static readonly KubernetesObject Reviews = Service("default", "reviews", selectorJson: """{"app":"reviews"}""");

    private static ConfigObject Rule(string name = "reviews", string host = "reviews", string ns = "default", string subsets = """[{"name":"v1","labels":{"version":"v1"}}]""", string extra = "") => IstioObject(
        ConfigKinds.DestinationRule, ns, name, $$$"""{"host":"{{{host}}}","subsets":{{{subsets}}}{{{extra}}}}""");

    [Fact]
    public void Analyze_HostMatchingNoService_ReportsUnknownDestinationRuleHost()
    {
        var message = Assert.Single(Analyze([Rule(host: "ratings")], [Reviews]));

        Assert.Equal("Warning IST0174 DestinationRule default/reviews", Summaries([message])[0]);
        Assert.Equal("The host ratings defined in the DestinationRule does not match any services in the mesh.", message.Message);
    }

    [Fact]
    public void Analyze_WildcardHostCoveringAService_ReportsNothing()
    {
        Assert.Empty(Analyze([Rule(host: "*.local", subsets: "[]")], [Reviews]));
    }

    [Fact]
    public void Analyze_SubsetSelectingNoPodOfTheService_ReportsSubsetNotSelectPods()
    {
        var pods = new[] { Pod("default", "reviews-v1", ("app", "reviews"), ("version", "v1")), Pod("default", "other-v2", ("app", "other"), ("version", "v2")) };

        var message = Assert.Single(Analyze([Rule(subsets: """[{"name":"v1","labels":{"version":"v1"}},{"name":"v2","labels":{"version":"v2"}}]""")], [Reviews, .. pods]));

        Assert.Equal("Error IST0173 DestinationRule default/reviews", Summaries([message])[0]);
        Assert.Equal("The Subset v2 defined in the DestinationRule does not select any pods. Which may lead to 503 UH (NoHealthyUpstream).", message.Message);
        Assert.Equal("spec.subsets[1].name", message.FieldPath);
    }

    [Fact]
    public void Analyze_SubsetsOfServiceEntryWorkloadEntries_AreMatchedThroughTheWorkloadSelector()
    {
        var entry = IstioObject(ConfigKinds.ServiceEntry, "default", "reviews", """{"hosts":["reviews.default.svc.cluster.local"],"ports":[{"number":9080,"name":"http","protocol":"HTTP"}],"location":"MESH_INTERNAL","resolution":"STATIC","workloadSelector":{"labels":{"app":"reviews"}}}""");
        var v1 = IstioObject(ConfigKinds.WorkloadEntry, "default", "reviews-v1", """{"address":"127.0.0.1","labels":{"app":"reviews","version":"v1"}}""");
        var elsewhere = IstioObject(ConfigKinds.WorkloadEntry, "other", "reviews-v2", """{"address":"127.0.0.1","labels":{"app":"reviews","version":"v2"}}""");

        var messages = Analyze([entry, v1, elsewhere, Rule(subsets: """[{"name":"v1","labels":{"version":"v1"}},{"name":"v2","labels":{"version":"v2"}}]""")]);

        Assert.Equal(["Error IST0173 DestinationRule default/reviews"], Summaries(messages));
    }

    [Fact]
    public void Analyze_NoWorkloadsInInput_SkipsTheSubsetCheck()
    {
        Assert.Empty(Analyze([Rule(subsets: """[{"name":"v9","labels":{"version":"v9"}}]""")], [Reviews]));
    }

    [Fact]
    public void Analyze_TwoRulesForOneHostInOneNamespace_ReportsBoth()
    {
        var messages = Analyze([Rule("a"), Rule("b", host: "reviews.default.svc.cluster.local", subsets: "[]")], [Reviews]);

        Assert.Equal(["Warning MSH0001 DestinationRule default/a", "Warning MSH0001 DestinationRule default/b"], Summaries(messages));
        Assert.StartsWith("The DestinationRules default/a,default/b define the same host reviews.default.svc.cluster.local in one namespace", messages[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_RulesForOneHostInDifferentNamespacesOrSelectors_ReportsNothing()
    {
        Assert.Empty(Analyze([Rule("a"), Rule("b", ns: "other", host: "reviews.default.svc.cluster.local", subsets: "[]")], [Reviews]));
        Assert.Empty(Analyze([Rule("a"), Rule("b", subsets: "[]", extra: ""","workloadSelector":{"matchLabels":{"app":"productpage"}}""")], [Reviews]));
    }
}
