using ControlPlane.Shared.Identity;
using ControlPlane.Shared.Registry;

namespace ControlPlane.Pilot.Model;

/// <summary>
/// Everything generation reads, at one version: a small record of independent immutable indexes.
/// A change replaces only the indexes it touches; generators are pure functions of it.
/// </summary>
/// <param name="Version">Increases with every snapshot Pilot builds.</param>
/// <param name="ConfigVersion">The version of the config snapshot it was built from.</param>
/// <param name="Identity">The trust and cluster domains every index was built for; the same in every snapshot of a process.</param>
internal sealed record MeshSnapshot(
    long Version,
    long ConfigVersion,
    MeshIdentityOptions Identity,
    ServiceRegistry Registry,
    VirtualServiceIndex VirtualServices,
    DestinationRuleIndex DestinationRules)
{
    /// <summary>The namespace whose policies apply mesh-wide (Istio's default <c>rootNamespace</c>, as Mixer's default).</summary>
    public const string DefaultRootNamespace = "istio-system";

    /// <summary>PeerAuthentication, for inbound TLS and auto-mTLS.</summary>
    public PeerAuthenticationIndex PeerAuthentications { get; init; } = PeerAuthenticationIndex.Empty;

    /// <summary>AuthorizationPolicy, for the RBAC filters of inbound listeners.</summary>
    public AuthorizationPolicyIndex AuthorizationPolicies { get; init; } = AuthorizationPolicyIndex.Empty;

    /// <summary>What TLS and RBAC read of the workloads (<see cref="WorkloadSecurityInputs"/>); a change of it changes <see cref="WorkloadSecurityInputs.Kind"/>.</summary>
    public string WorkloadSecurity { get; init; } = string.Empty;

    /// <summary>The empty snapshot with the default trust and cluster domains.</summary>
    public static MeshSnapshot Empty { get; } = EmptyFor(new MeshIdentityOptions());

    /// <summary>The empty snapshot a process with these domains starts from.</summary>
    public static MeshSnapshot EmptyFor(MeshIdentityOptions identity) =>
        new(0, 0, identity, ServiceRegistry.Empty, VirtualServiceIndex.Empty, DestinationRuleIndex.Empty);
}
