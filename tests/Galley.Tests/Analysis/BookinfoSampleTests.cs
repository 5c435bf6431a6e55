using System.Runtime.CompilerServices;
using ControlPlane.Galley.Analysis;
using ControlPlane.Shared.Config;
using ControlPlane.Shared.Config.Loading;

namespace ControlPlane.Galley.Tests.Analysis;

/// <summary>samples/bookinfo loads and analyses clean, alone and with each scenario copied in.</summary>
public sealed class BookinfoSampleTests
{
    /// <summary>Every scenario but the gateway one, which has Istio's one expected warning (below).</summary>
    public static TheoryData<string> Scenarios() =>
        new(Directory.GetFiles(Path.Combine(SampleDirectory(), "scenarios"), "*.yaml").Select(Path.GetFileName).Where(f => f != GatewayScenario).Order(StringComparer.Ordinal)!);

    private const string GatewayScenario = "bookinfo-gateway.yaml";

    [Fact]
    public void Bookinfo_LoadsWithoutDiagnosticsAndHasEveryService()
    {
        var input = Load();

        Assert.Equal(
            ["details", "productpage", "ratings", "reviews"],
            input.Objects.Where(o => o.Kind == ConfigKinds.ServiceEntry).Select(o => o.Meta.Name).Order(StringComparer.Ordinal));
        Assert.Equal(6, input.Objects.Count(o => o.Kind == ConfigKinds.WorkloadEntry));
        Assert.Equal(4, input.Objects.Count(o => o.Kind == ConfigKinds.DestinationRule));
        Assert.Equal(4, input.Objects.Count(o => o.Kind == ConfigKinds.VirtualService));
    }

    [Fact]
    public void Bookinfo_ConfigDirectory_LoadsRecursivelyWithoutDiagnostics()
    {
        var result = new ConfigLoader().LoadDirectory(Path.Combine(SampleDirectory(), "config"));

        Assert.Empty(result.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(18, result.Objects.Count);
    }

    [Fact]
    public void Bookinfo_AnalysesClean()
    {
        Assert.Empty(Problems(Load()));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Bookinfo_WithScenarioCopiedIn_AnalysesClean(string scenario)
    {
        var input = Load(Path.Combine(SampleDirectory(), "scenarios", scenario));

        Assert.Empty(Problems(input));
    }

    [Fact]
    public void Bookinfo_WithGatewayScenario_WarnsOnlyThatTheProductpageSubsetDoesNotApplyToIngress()
    {
        var input = Load(Path.Combine(SampleDirectory(), "scenarios", GatewayScenario));

        var problem = Assert.Single(Problems(input));
        Assert.StartsWith("Warning [IST0140] (VirtualService default/bookinfo ", problem, StringComparison.Ordinal);
        Assert.EndsWith("Subset in virtual service default/productpage has no effect on ingress gateway default/bookinfo requests", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Bookinfo_WithMtlsScenario_ReplacesTheRulesOfTheSameName()
    {
        var input = Load(Path.Combine(SampleDirectory(), "scenarios", "destination-rule-all-mtls.yaml"));

        var rules = input.Objects.Where(o => o.Kind == ConfigKinds.DestinationRule).ToList();
        Assert.Equal(4, rules.Count);
        Assert.All(rules, r => Assert.Equal(
            Istio.Networking.V1Alpha3.ClientTLSSettings.Types.TLSmode.IstioMutual,
            r.SpecAs<Istio.Networking.V1Alpha3.DestinationRule>().TrafficPolicy.Tls.Mode));
    }

    /// <summary>The sample's config files, then <paramref name="scenario"/>, each file loaded on its own as a file copied in would be.</summary>
    private static AnalysisInput Load(string? scenario = null)
    {
        var loader = new ConfigLoader();
        var files = Directory.GetFiles(Path.Combine(SampleDirectory(), "config"), "*.yaml").Order(StringComparer.Ordinal).Append(scenario).OfType<string>();
        var loads = files.Select(loader.LoadFile).ToList();
        Assert.Empty(loads.SelectMany(l => l.Diagnostics).Select(d => d.ToString()));
        Assert.Empty(loads.SelectMany(l => l.Skipped).Select(s => s.ToString()));
        return AnalysisInput.FromLoads(loads);
    }

    private static string[] Problems(AnalysisInput input) =>
        ConfigAnalyzer.Default.Analyze(input).Where(m => m.Level != DiagnosticLevel.Info).Select(AnalysisOutput.Line).ToArray();

    private static string SampleDirectory([CallerFilePath] string source = "")
    {
        var dir = Path.GetDirectoryName(source);
        while (dir is not null && !File.Exists(Path.Combine(dir, "ControlPlane.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return Path.Combine(dir ?? throw new InvalidOperationException("repository root not found above " + source), "samples", "bookinfo");
    }
}
