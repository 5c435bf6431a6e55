namespace ControlPlane.Galley.Tests.Analysis.Conformance;

/// <summary>What one case gave: how many expected messages were found, which were missed and which were extra.</summary>
internal sealed record ConformanceResult(ConformanceCase Case, int Reported, IReadOnlyList<string> Missed, IReadOnlyList<string> Extra)
{
    public int Matched => Case.Expected.Count - Missed.Count;

    public bool Passed => Missed.Count == 0 && Extra.Count == 0;
}
