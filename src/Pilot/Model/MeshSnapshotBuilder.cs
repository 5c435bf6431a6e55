using ControlPlane.Shared.Config;
using ControlPlane.Shared.Registry;

namespace ControlPlane.Pilot.Model;

/// <summary>Builds the next <see cref="MeshSnapshot"/> from new config, rebuilding only the indexes whose kinds changed.</summary>
internal static class MeshSnapshotBuilder
{
    public static MeshSnapshot Build(MeshSnapshot previous, ConfigSnapshot config, IReadOnlySet<string> changedKinds)
    {
        var identity = previous.Identity;
        var registry = changedKinds.Contains(ConfigKinds.ServiceEntry.Kind) || changedKinds.Contains(ConfigKinds.WorkloadEntry.Kind)
            ? ServiceEntrySource.Build(config, identity)
            : previous.Registry;
        var virtualServices = changedKinds.Contains(ConfigKinds.VirtualService.Kind)
            ? VirtualServiceIndex.Build(config.OfKind(ConfigKinds.VirtualService.Kind), identity.ClusterDomain)
            : previous.VirtualServices;
        var destinationRules = changedKinds.Contains(ConfigKinds.DestinationRule.Kind)
            ? DestinationRuleIndex.Build(config.OfKind(ConfigKinds.DestinationRule.Kind), identity.ClusterDomain)
            : previous.DestinationRules;
        var peerAuthentications = changedKinds.Contains(ConfigKinds.PeerAuthentication.Kind)
            ? PeerAuthenticationIndex.Build(config.OfKind(ConfigKinds.PeerAuthentication.Kind), MeshSnapshot.DefaultRootNamespace)
            : previous.PeerAuthentications;
        var authorizationPolicies = changedKinds.Contains(ConfigKinds.AuthorizationPolicy.Kind)
            ? AuthorizationPolicyIndex.Build(config.OfKind(ConfigKinds.AuthorizationPolicy.Kind), MeshSnapshot.DefaultRootNamespace)
            : previous.AuthorizationPolicies;
        return previous with
        {
            Version = previous.Version + 1,
            ConfigVersion = config.Version,
            Registry = registry,
            VirtualServices = virtualServices,
            DestinationRules = destinationRules,
            PeerAuthentications = peerAuthentications,
            AuthorizationPolicies = authorizationPolicies,
            WorkloadSecurity = ReferenceEquals(registry, previous.Registry)
                && !changedKinds.Contains(ConfigKinds.PeerAuthentication.Kind) && !changedKinds.Contains(ConfigKinds.AuthorizationPolicy.Kind)
                ? previous.WorkloadSecurity
                : WorkloadSecurityInputs.Digest(
                    registry,
                    config.OfKind(ConfigKinds.PeerAuthentication.Kind).Any() || config.OfKind(ConfigKinds.AuthorizationPolicy.Kind).Any()),
        };
    }

    /// <summary>A snapshot built from scratch (default domains unless <paramref name="start"/> says otherwise).</summary>
    public static MeshSnapshot Build(ConfigSnapshot config, MeshSnapshot? start = null) =>
        Build(start ?? MeshSnapshot.Empty, config, ConfigKinds.All.Select(k => k.Kind).ToHashSet(StringComparer.Ordinal));
}
