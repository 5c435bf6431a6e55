using ControlPlane.Pilot.Registry;
using ControlPlane.Shared.Config;

namespace ControlPlane.Pilot.Model;

/// <summary>Builds the next <see cref="MeshSnapshot"/> from new config, rebuilding only the indexes whose kinds changed.</summary>
internal static class MeshSnapshotBuilder
{
    public static MeshSnapshot Build(MeshSnapshot previous, ConfigSnapshot config, IReadOnlySet<string> changedKinds)
    {
        var registry = changedKinds.Contains(ConfigKinds.ServiceEntry.Kind) || changedKinds.Contains(ConfigKinds.WorkloadEntry.Kind)
            ? ServiceEntryRegistrySource.Build(config)
            : previous.Registry;
        var virtualServices = changedKinds.Contains(ConfigKinds.VirtualService.Kind)
            ? VirtualServiceIndex.Build(config.OfKind(ConfigKinds.VirtualService.Kind))
            : previous.VirtualServices;
        var destinationRules = changedKinds.Contains(ConfigKinds.DestinationRule.Kind)
            ? DestinationRuleIndex.Build(config.OfKind(ConfigKinds.DestinationRule.Kind))
            : previous.DestinationRules;
        return new MeshSnapshot(previous.Version + 1, config.Version, registry, virtualServices, destinationRules);
    }

    /// <summary>A snapshot built from scratch.</summary>
    public static MeshSnapshot Build(ConfigSnapshot config) =>
        Build(MeshSnapshot.Empty, config, ConfigKinds.All.Select(k => k.Kind).ToHashSet(StringComparer.Ordinal));
}
