using ControlPlane.Galley.Analysis;
using ControlPlane.Shared.Config.Loading;

namespace ControlPlane.Galley.Tests.Analysis.Conformance;

/// <summary>
/// Runs one case as Istio's test does, with only the case's analyzer, through the same
/// <see cref="ConfigAnalyzer"/> and loader <c>meshctl analyze</c> uses, and compares code and origin.
/// As Istio's harness does, every case also gets Istio's default resources (an ingress gateway pod
/// and Service in istio-system), loaded first so the case's own objects replace them.
/// </summary>
internal static class ConformanceRunner
{
    private const string DefaultResources = "istio-default-resources.yaml";

    public static ConformanceResult Run(ConformanceCase testCase, IAnalyzer analyzer)
    {
        var loader = new ConfigLoader();
        var files = testCase.Inputs.Prepend(DefaultResources);
        var input = AnalysisInput.FromLoads(files.Select(f => loader.LoadFile(ConformanceData.TestData(f))));
        if (testCase.MeshConfig is { } meshConfig)
        {
            input = input with { MeshConfig = AnalysisMeshConfig.Load(ConformanceData.TestData(meshConfig)) };
        }

        var reported = new ConfigAnalyzer([analyzer]).Analyze(input).Select(m => $"{m.Code} {m.ObjectReference}").ToList();
        var extra = new List<string>(reported);
        var missed = new List<string>();
        foreach (var expected in testCase.Expected)
        {
            var at = extra.FindIndex(actual => SameMessage(expected, actual));
            if (at < 0)
            {
                missed.Add(expected);
            }
            else
            {
                extra.RemoveAt(at);
            }
        }

        return new ConformanceResult(testCase, reported.Count, missed, extra);
    }

    /// <summary>
    /// Istio's origin leaves out a namespace the input did not write; our loader puts such objects
    /// in <c>default</c>, as <c>kubectl apply</c> would, and names them so.
    /// </summary>
    private static bool SameMessage(string expected, string actual)
    {
        if (expected == actual)
        {
            return true;
        }

        var parts = expected.Split(' ', 3);
        return parts.Length == 3 && !parts[2].Contains('/', StringComparison.Ordinal)
            && actual == $"{parts[0]} {parts[1]} default/{parts[2]}";
    }
}
