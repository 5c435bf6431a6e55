using ControlPlane.Pilot.Registry;

namespace ControlPlane.Pilot.Model;

/// <summary>
/// Everything generation reads, at one version: a small record of independent immutable indexes.
/// A change replaces only the indexes it touches; generators are pure functions of it.
/// </summary>
/// <param name="Version">Increases with every snapshot Pilot builds.</param>
/// <param name="ConfigVersion">The version of the config snapshot it was built from.</param>
internal sealed record MeshSnapshot(
    long Version,
    long ConfigVersion,
    ServiceRegistry Registry,
    VirtualServiceIndex VirtualServices,
    DestinationRuleIndex DestinationRules)
{
    public static MeshSnapshot Empty { get; } = new(0, 0, ServiceRegistry.Empty, VirtualServiceIndex.Empty, DestinationRuleIndex.Empty);
}
