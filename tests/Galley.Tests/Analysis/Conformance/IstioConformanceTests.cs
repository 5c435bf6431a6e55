using System.Globalization;
using ControlPlane.Galley.Analysis;
using Xunit.Abstractions;

namespace ControlPlane.Galley.Tests.Analysis.Conformance;

/// <summary>
/// Istio's own analyzer test grid (<c>analyzers_test.go</c>, transcribed in <c>cases.txt</c>) run
/// against our analysis. Prints recall and precision; fails when a case recorded in
/// <c>expected-pass.txt</c> no longer passes, or when a case passes that is not recorded there.
/// Run with <c>--logger "console;verbosity=detailed"</c> to see the figures.
/// </summary>
public sealed class IstioConformanceTests(ITestOutputHelper output)
{
    private const string Implemented = "implemented ";
    private const string NotApplicable = "not-applicable ";

    [Fact]
    public void IstioAnalyzerCases_EveryRecordedPass_StillPassesAndTheFiguresArePrinted()
    {
        var status = ConformanceData.AnalyzerStatus();
        var results = new List<ConformanceResult>();
        var notRun = new List<(ConformanceCase Case, string Status)>();
        foreach (var testCase in ConformanceData.Cases())
        {
            var line = status.TryGetValue(testCase.Id, out var caseStatus) ? caseStatus : status[testCase.IstioAnalyzer];
            if (line.StartsWith(Implemented, StringComparison.Ordinal))
            {
                var analyzer = ConfigAnalyzer.Default.Analyzers.Single(a => a.Name == line[Implemented.Length..]);
                results.Add(ConformanceRunner.Run(testCase, analyzer));
            }
            else
            {
                notRun.Add((testCase, line));
            }
        }

        Print(results, notRun);

        var expectedPass = ConformanceData.ExpectedPass();
        var regressions = results.Where(r => expectedPass.Contains(r.Case.Id) && !r.Passed).Select(Describe).ToList();
        var unrecorded = results.Where(r => r.Passed && !expectedPass.Contains(r.Case.Id)).Select(r => r.Case.Id).ToList();
        Assert.True(regressions.Count == 0, "Cases that passed before now fail:\n" + string.Join('\n', regressions));
        Assert.True(unrecorded.Count == 0, "Cases now pass; add them to expected-pass.txt:\n" + string.Join('\n', unrecorded));
    }

    [Fact]
    public void IstioAnalyzerCases_EveryAnalyzerTheyName_IsImplementedOrListedWithAReason()
    {
        var status = ConformanceData.AnalyzerStatus();
        var ours = ConfigAnalyzer.Default.Analyzers.Select(a => a.Name).ToHashSet(StringComparer.Ordinal);

        foreach (var analyzer in ConformanceData.Cases().Select(c => c.IstioAnalyzer).Distinct())
        {
            Assert.True(status.TryGetValue(analyzer, out var line), $"{analyzer} is not listed in analyzers.txt");
            var parts = line.Split(' ', 2);
            Assert.Contains(parts[0], new[] { "implemented", "not-applicable", "missing" });
            Assert.True(parts.Length == 2 && parts[1].Length > 0, $"{analyzer}: no analyzer name or reason");
            if (parts[0] == "implemented")
            {
                Assert.Contains(parts[1], ours);
            }
        }
    }

    [Fact]
    public void IstioAnalyzerCases_EveryInputFile_IsCheckedIn()
    {
        var cases = ConformanceData.Cases();

        Assert.Equal(104, cases.Count);
        foreach (var file in cases.SelectMany(c => c.Inputs.Append(c.MeshConfig).Append(c.MeshNetworks)).OfType<string>())
        {
            Assert.True(File.Exists(ConformanceData.TestData(file)), $"missing testdata/{file}");
        }
    }

    private void Print(List<ConformanceResult> results, List<(ConformanceCase Case, string Status)> notRun)
    {
        foreach (var r in results)
        {
            output.WriteLine(r.Passed ? $"PASS {r.Case.Id}" : $"FAIL {Describe(r)}");
        }

        foreach (var (testCase, status) in notRun)
        {
            output.WriteLine($"NOT RUN {testCase.Id} ({testCase.IstioAnalyzer}: {status})");
        }

        var missingCases = notRun.Where(n => !n.Status.StartsWith(NotApplicable, StringComparison.Ordinal)).ToList();
        var matched = results.Sum(r => r.Matched);
        var reported = results.Sum(r => r.Reported);
        var expectedApplicable = results.Sum(r => r.Case.Expected.Count) + missingCases.Sum(n => n.Case.Expected.Count);
        var expectedAll = expectedApplicable + notRun.Where(n => n.Status.StartsWith(NotApplicable, StringComparison.Ordinal)).Sum(n => n.Case.Expected.Count);
        var applicable = results.Count + missingCases.Count;
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Istio analyzer conformance: {results.Count(r => r.Passed)}/{applicable} applicable cases pass ({results.Count} run, {missingCases.Count} missing, {notRun.Count - missingCases.Count} not applicable of {results.Count + notRun.Count}); "
            + $"recall {Percent(matched, expectedApplicable)} of applicable expected messages ({matched}/{expectedApplicable}), {Percent(matched, expectedAll)} of all ({matched}/{expectedAll}); "
            + $"precision {Percent(matched, reported)} ({matched}/{reported})"));
    }

    private static string Describe(ConformanceResult r) =>
        $"{r.Case.Id} ({r.Case.IstioAnalyzer}): missed [{string.Join("; ", r.Missed)}] extra [{string.Join("; ", r.Extra)}]";

    private static string Percent(int part, int whole) =>
        whole == 0 ? "100%" : (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
