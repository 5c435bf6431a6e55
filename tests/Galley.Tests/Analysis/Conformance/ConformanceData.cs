using System.Runtime.CompilerServices;

namespace ControlPlane.Galley.Tests.Analysis.Conformance;

/// <summary>
/// Reads the checked-in transcription of Istio's analyzer tests: <c>cases.txt</c> (the grid),
/// <c>analyzers.txt</c> (what we do with each Istio analyzer) and <c>expected-pass.txt</c> (the
/// cases that pass today, so that a regression fails the suite).
/// </summary>
internal static class ConformanceData
{
    public static string Directory([CallerFilePath] string source = "") => Path.GetDirectoryName(source)!;

    public static string TestData(string file) => Path.Combine(Directory(), "testdata", file);

    public static IReadOnlyList<ConformanceCase> Cases()
    {
        var cases = new List<ConformanceCase>();
        foreach (var block in File.ReadAllText(Path.Combine(Directory(), "cases.txt")).Split("\n\n"))
        {
            var fields = Lines(block).Select(l => l.Split(": ", 2)).Where(p => p.Length == 2).ToList();
            if (fields.Count == 0)
            {
                continue;
            }

            string? One(string key) => fields.FirstOrDefault(f => f[0] == key)?[1];
            List<string> All(string key) => fields.Where(f => f[0] == key).Select(f => f[1]).ToList();
            cases.Add(new ConformanceCase(One("case")!, One("analyzer")!, All("input"), One("meshConfig"), One("meshNetworks"), All("expect")));
        }

        return cases;
    }

    /// <summary>Istio analyzer name to <c>implemented NAME</c>, <c>not-applicable REASON</c> or <c>missing REASON</c>.</summary>
    public static IReadOnlyDictionary<string, string> AnalyzerStatus() =>
        Lines(File.ReadAllText(Path.Combine(Directory(), "analyzers.txt")))
            .Select(l => l.Split(": ", 2))
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);

    public static IReadOnlySet<string> ExpectedPass() =>
        Lines(File.ReadAllText(Path.Combine(Directory(), "expected-pass.txt"))).ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<string> Lines(string text) =>
        text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0 && !l.StartsWith('#'));
}
