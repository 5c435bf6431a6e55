using System.Runtime.CompilerServices;
using ControlPlane.Galley.Analysis;
using ControlPlane.Shared.Config.Loading;

namespace ControlPlane.Galley.Tests.Analysis;

/// <summary>
/// Analyzer fixtures: each <c>testdata/*.yaml</c> is loaded with the Shared loader and analysed;
/// the messages, printed as <c>meshctl analyze</c> prints them, must equal the file's trailing
/// <c># expect: ...</c> lines (<c># expect: none</c> for a clean case). Set
/// <c>REGENERATE_ANALYSIS_FIXTURES=1</c> to rewrite the expectations, then review the diff.
/// </summary>
public sealed class AnalysisFixtureTests
{
    private const string ExpectPrefix = "# expect: ";
    private const string None = "none";

    public static TheoryData<string> Fixtures() => new(Directory.GetFiles(TestDataDirectory(), "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Analyze_Fixture_ReportsExactlyTheExpectedMessages(string fixture)
    {
        var path = Path.Combine(TestDataDirectory(), fixture);
        var text = File.ReadAllText(path);
        var load = new ConfigLoader().LoadText(text, fixture);
        Assert.Empty(load.Diagnostics.Select(d => d.ToString()));

        var actual = ConfigAnalyzer.Default.Analyze(AnalysisInput.FromLoads([load])).Select(AnalysisOutput.Line).ToList();

        if (Environment.GetEnvironmentVariable("REGENERATE_ANALYSIS_FIXTURES") == "1")
        {
            File.WriteAllText(path, WithExpectations(text, actual));
            return;
        }

        var expected = text.Split('\n').Where(l => l.StartsWith(ExpectPrefix, StringComparison.Ordinal)).Select(l => l[ExpectPrefix.Length..].TrimEnd()).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.SequenceEqual([None]) ? [] : expected, actual);
    }

    private static string WithExpectations(string text, IReadOnlyList<string> lines)
    {
        var body = string.Join('\n', text.TrimEnd('\n').Split('\n').Where(l => !l.StartsWith(ExpectPrefix, StringComparison.Ordinal))).TrimEnd('\n');
        var expectations = (lines.Count == 0 ? [None] : lines).Select(l => ExpectPrefix + l);
        return body + "\n" + string.Join('\n', expectations) + "\n";
    }

    private static string TestDataDirectory([CallerFilePath] string source = "") => Path.Combine(Path.GetDirectoryName(source)!, "testdata");
}
