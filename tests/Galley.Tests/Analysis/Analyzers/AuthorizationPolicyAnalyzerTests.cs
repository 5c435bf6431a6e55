using ControlPlane.Shared.Config;
using static ControlPlane.Galley.Tests.Analysis.AnalysisObjects;

namespace ControlPlane.Galley.Tests.Analysis.Analyzers;

public sealed class AuthorizationPolicyAnalyzerTests
{
    private static readonly KubernetesObject[] Workloads =
    [
        Pod("default", "ratings", ("app", "ratings")),
        Kube("Pod", "default", "reviews", """{"spec":{"serviceAccountName":"bookinfo-reviews"}}""", new Dictionary<string, string> { ["app"] = "reviews" }),
        Kube("Namespace", string.Empty, "frontend"),
    ];

    private static ConfigObject Policy(string spec, string ns = "default") => IstioObject(ConfigKinds.AuthorizationPolicy, ns, "policy", spec);

    [Fact]
    public void Analyze_SelectorMatchingNoWorkload_ReportsNoMatchingWorkloadsFound()
    {
        var message = Assert.Single(Analyze([Policy("""{"selector":{"matchLabels":{"app":"details"}}}""")], Workloads));

        Assert.Equal("Warning IST0127 AuthorizationPolicy default/policy", Summaries([message])[0]);
        Assert.Equal("No matching workloads for this resource with the following labels: app=details", message.Message);
    }

    [Fact]
    public void Analyze_SelectorMatchingAWorkload_ReportsNothing()
    {
        Assert.Empty(Analyze([Policy("""{"selector":{"matchLabels":{"app":"ratings"}}}""")], Workloads));
        Assert.Empty(Analyze([Policy("""{"selector":{"matchLabels":{"app":"ratings"}}}""", ns: "istio-system")], Workloads));
    }

    [Fact]
    public void Analyze_NamespaceWidePolicyWithoutWorkloads_ReportsNoMatchingWorkloadsFound()
    {
        Assert.Equal(["Warning IST0127 AuthorizationPolicy frontend/policy"], Summaries(Analyze([Policy("{}", ns: "frontend")], Workloads)));
    }

    [Fact]
    public void Analyze_SourceNamespaceThatDoesNotExist_ReportsReferencedNamespaceNotFound()
    {
        var spec = """{"selector":{"matchLabels":{"app":"ratings"}},"rules":[{"from":[{"source":{"namespaces":["frontend","front*","*end","backend"]}}]}]}""";

        var message = Assert.Single(Analyze([Policy(spec)], Workloads));

        Assert.Equal("Referenced namespace not found: \"backend\"", message.Message);
        Assert.Equal("spec.rules[0].from[0].source.namespaces[3]", message.FieldPath);
    }

    [Fact]
    public void Analyze_PrincipalsNamingNamespacesOrAccountsNotInTheInput_ReportNothingAsInIstio()
    {
        var spec = """
            {"selector":{"matchLabels":{"app":"ratings"}},"rules":[{"from":[{"source":{"principals":[
              "cluster.local/ns/default/sa/bookinfo-reviews",
              "cluster.local/ns/default/sa/*",
              "cluster.local/ns/backend/sa/api",
              "cluster.local/ns/default/sa/bookinfo-details",
              "*"
            ]}}]}]}
            """;

        // Principals may name other clusters and trust domains: Istio checks source namespaces only.
        var messages = Analyze([Policy(spec)], Workloads);

        Assert.Empty(messages.Select(m => m.Message));
    }

    [Fact]
    public void Analyze_ServiceAccountOfANamespaceWithoutKnownAccounts_IsNotChecked()
    {
        var spec = """{"selector":{"matchLabels":{"app":"ratings"}},"rules":[{"from":[{"source":{"principals":["cluster.local/ns/frontend/sa/web"]}}]}]}""";

        Assert.Empty(Analyze([Policy(spec)], Workloads));
    }
}
