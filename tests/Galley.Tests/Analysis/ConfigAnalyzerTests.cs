using ControlPlane.Galley.Analysis;
using ControlPlane.Shared.Config;
using static ControlPlane.Galley.Tests.Analysis.AnalysisObjects;

namespace ControlPlane.Galley.Tests.Analysis;

public sealed class ConfigAnalyzerTests
{
    private static ConfigObject RouteTo(string name, string host, string ns = "default", IReadOnlyDictionary<string, string>? annotations = null) => IstioObject(
        ConfigKinds.VirtualService, ns, name,
        $$$"""{"hosts":["{{{name}}}"],"http":[{"route":[{"destination":{"host":"{{{host}}}"}}]}]}""",
        annotations);

    private static readonly ConfigObject[] Broken =
    [
        RouteTo("b", "nowhere"),
        RouteTo("a", "nowhere"),
        IstioObject(ConfigKinds.DestinationRule, "default", "dr", """{"host":"nowhere"}"""),
        RouteTo("c", "nowhere", ns: "alpha"),
    ];

    [Fact]
    public void Analyze_MessagesFromSeveralAnalyzers_AreSortedByLevelCodeKindNameNamespace()
    {
        var messages = Analyze(Broken);

        Assert.Equal(
            [
                "Error IST0101 VirtualService default/a",
                "Error IST0101 VirtualService default/b",
                "Error IST0101 VirtualService alpha/c",
                "Warning IST0174 DestinationRule default/dr",
            ],
            Summaries(messages));
    }

    [Fact]
    public void Analyze_SameInputInAnotherOrder_GivesTheSameMessages()
    {
        Assert.Equal(Analyze(Broken), Analyze(Broken.Reverse()));
    }

    [Theory]
    [InlineData("IST0101=VirtualService/default/a")]
    [InlineData("IST0101=VirtualService default/a")]
    [InlineData("IST0101=VirtualService a.default")]
    public void Analyze_SuppressionInAnyIstioForm_HidesThatCodeOnThatResource(string text)
    {
        Assert.True(AnalysisSuppression.TryParse(text, out var suppression, out _));

        var messages = Analyze(Broken, suppressions: [suppression]);

        Assert.DoesNotContain("Error IST0101 VirtualService default/a", Summaries(messages));
        Assert.Contains("Error IST0101 VirtualService default/b", Summaries(messages));
    }

    [Fact]
    public void Analyze_SuppressionWithWildcards_HidesEveryMatchingResource()
    {
        Assert.True(AnalysisSuppression.TryParse("IST0101=VirtualService/default/*", out var inDefault, out _));
        Assert.True(AnalysisSuppression.TryParse("IST0174=*", out var anywhere, out _));

        var messages = Analyze(Broken, suppressions: [inDefault, anywhere]);

        Assert.Equal(["Error IST0101 VirtualService alpha/c"], Summaries(messages));
    }

    [Fact]
    public void Analyze_SuppressionOfAKind_HidesThatCodeOnEveryResourceOfTheKind()
    {
        Assert.True(AnalysisSuppression.TryParse("IST0101=VirtualService/*", out var everyVirtualService, out _));

        Assert.Equal(["Warning IST0174 DestinationRule default/dr"], Summaries(Analyze(Broken, suppressions: [everyVirtualService])));
    }

    [Fact]
    public void Analyze_SuppressionOfAnotherCode_HidesNothing()
    {
        Assert.True(AnalysisSuppression.TryParse("IST0109=VirtualService/default/a", out var other, out _));

        Assert.Equal(4, Analyze(Broken, suppressions: [other]).Count);
    }

    [Theory]
    [InlineData("IST0101")]
    [InlineData("IST0101=")]
    [InlineData("IST0101=VirtualService")]
    [InlineData("a=b=c")]
    public void TryParse_MalformedSuppression_ExplainsTheExpectedForm(string text)
    {
        Assert.False(AnalysisSuppression.TryParse(text, out _, out var error));
        Assert.Contains("is not a valid suppression value", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_ResourceAnnotatedToSuppressACode_HidesItsMessages()
    {
        var annotated = RouteTo("a", "nowhere", annotations: new Dictionary<string, string> { [ConfigAnalyzer.SuppressAnnotation] = "IST0109, IST0101" });

        Assert.Empty(Analyze([annotated]));
    }

    [Fact]
    public void Analyze_AnalyzerThatThrows_IsReportedAsInternalErrorBesideTheOthers()
    {
        var analyzer = new ConfigAnalyzer([new ThrowingAnalyzer(), .. ConfigAnalyzer.Default.Analyzers]);

        var messages = analyzer.Analyze(new AnalysisInput(Broken, []));

        Assert.Equal("IST0001", messages[0].Code);
        Assert.Contains("test.Throwing", messages[0].Message, StringComparison.Ordinal);
        Assert.Equal(5, messages.Count);
    }

    private sealed class ThrowingAnalyzer : IAnalyzer
    {
        public string Name => "test.Throwing";

        public string Description => "Always throws";

        public IEnumerable<ConfigDiagnostic> Analyze(AnalysisContext context) => throw new InvalidOperationException("boom");
    }
}
