using ControlPlane.Shared.Config;
using static ControlPlane.Galley.Tests.Analysis.AnalysisObjects;

namespace ControlPlane.Galley.Tests.Analysis.Analyzers;

public sealed class GatewaySelectorAnalyzerTests
{
    private static readonly ConfigObject Gateway = IstioObject(
        ConfigKinds.Gateway, "default", "bookinfo-gateway",
        """{"selector":{"istio":"ingressgateway","app":"gw"},"servers":[{"port":{"number":80,"name":"http","protocol":"HTTP"},"hosts":["*"]}]}""");

    [Fact]
    public void Analyze_SelectorMatchingNoWorkload_ReportsReferencedSelectorNotFound()
    {
        var message = Assert.Single(Analyze([Gateway], [Pod("default", "productpage", ("app", "productpage"))]));

        Assert.Equal("Error IST0101 Gateway default/bookinfo-gateway", Summaries([message])[0]);
        Assert.Equal("Referenced selector not found: \"app=gw,istio=ingressgateway\"", message.Message);
        Assert.Equal("spec.selector.app", message.FieldPath);
    }

    [Fact]
    public void Analyze_SelectorMatchingAWorkloadEntryOrPodInAnyNamespace_ReportsNothing()
    {
        var entry = IstioObject(ConfigKinds.WorkloadEntry, "istio-system", "ingress", """{"address":"127.0.0.1","labels":{"istio":"ingressgateway","app":"gw"}}""");
        Assert.Empty(Analyze([Gateway, entry]));
        Assert.Empty(Analyze([Gateway], [Pod("istio-system", "ingress", ("istio", "ingressgateway"), ("app", "gw"))]));
    }

    [Fact]
    public void Analyze_DeploymentTemplateLabels_CountAsWorkloads()
    {
        var deployment = Kube("Deployment", "istio-system", "ingress", """{"spec":{"template":{"metadata":{"labels":{"istio":"ingressgateway","app":"gw"}}}}}""");

        Assert.Empty(Analyze([Gateway], [deployment]));
    }

    [Fact]
    public void Analyze_InputWithoutWorkloads_SkipsTheCheck()
    {
        Assert.Empty(Analyze([Gateway]));
    }
}
