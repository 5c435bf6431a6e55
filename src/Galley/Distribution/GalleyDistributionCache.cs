using ControlPlane.Shared.Xds;

namespace ControlPlane.Galley.Distribution;

/// <summary>Galley's own xDS cache, so it is never confused with another server's in one process.</summary>
internal sealed class GalleyDistributionCache
{
    public XdsSnapshotCache Cache { get; } = new();
}
