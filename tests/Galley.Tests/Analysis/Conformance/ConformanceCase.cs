namespace ControlPlane.Galley.Tests.Analysis.Conformance;

/// <summary>
/// One case of Istio's analyzer test grid: the analyzer it runs, its input files (and mesh config),
/// and the messages Istio expects, each as <c>CODE origin</c> (origin as Istio's FriendlyName:
/// <c>Kind namespace/name</c>, or <c>Kind name</c> when the input names no namespace).
/// </summary>
internal sealed record ConformanceCase(
    string Id,
    string IstioAnalyzer,
    IReadOnlyList<string> Inputs,
    string? MeshConfig,
    string? MeshNetworks,
    IReadOnlyList<string> Expected)
{
    public override string ToString() => Id;
}
