namespace ControlPlane.Shared.Xds;

/// <summary>
/// A provider's notice that resources changed. <see cref="TypeUrls"/> is ordered: every stream
/// pushes the types in this order (Pilot passes CDS, EDS, LDS, RDS for make-before-break). When
/// <see cref="NodeIds"/> is set only streams of those nodes are asked; otherwise all are.
/// </summary>
public sealed record XdsChange(IReadOnlyList<string> TypeUrls, IReadOnlySet<string>? NodeIds = null)
{
    /// <summary>Whether a stream of this node should look at the change.</summary>
    public bool AppliesTo(string nodeId) => NodeIds is null || NodeIds.Contains(nodeId);
}
