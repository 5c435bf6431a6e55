using System.Collections.Frozen;
using Google.Protobuf.Reflection;

namespace ControlPlane.Shared.Config;

/// <summary>
/// The registry of Istio config kinds this control plane understands, with the API versions
/// each is served under (as Istio's CRDs serve them). Every version of a kind has the same spec
/// message, so <c>networking.istio.io/v1</c> and <c>/v1alpha3</c> objects load to the same proto.
/// </summary>
public static class ConfigKinds
{
    /// <summary>The API group of the traffic kinds.</summary>
    public const string NetworkingGroup = "networking.istio.io";

    /// <summary>The API group of the security kinds.</summary>
    public const string SecurityGroup = "security.istio.io";

    private static readonly string[] NetworkingVersions = ["v1alpha3", "v1beta1", "v1"];
    private static readonly string[] SecurityVersions = ["v1beta1", "v1"];

    public static ConfigKind VirtualService { get; } = Networking("VirtualService", Istio.Networking.V1Alpha3.VirtualService.Descriptor);

    public static ConfigKind DestinationRule { get; } = Networking("DestinationRule", Istio.Networking.V1Alpha3.DestinationRule.Descriptor);

    public static ConfigKind Gateway { get; } = Networking("Gateway", Istio.Networking.V1Alpha3.Gateway.Descriptor);

    public static ConfigKind ServiceEntry { get; } = Networking("ServiceEntry", Istio.Networking.V1Alpha3.ServiceEntry.Descriptor);

    public static ConfigKind WorkloadEntry { get; } = Networking("WorkloadEntry", Istio.Networking.V1Alpha3.WorkloadEntry.Descriptor);

    public static ConfigKind Sidecar { get; } = Networking("Sidecar", Istio.Networking.V1Alpha3.Sidecar.Descriptor);

    public static ConfigKind PeerAuthentication { get; } = Security("PeerAuthentication", Istio.Security.V1Beta1.PeerAuthentication.Descriptor);

    public static ConfigKind RequestAuthentication { get; } = Security("RequestAuthentication", Istio.Security.V1Beta1.RequestAuthentication.Descriptor);

    public static ConfigKind AuthorizationPolicy { get; } = Security("AuthorizationPolicy", Istio.Security.V1Beta1.AuthorizationPolicy.Descriptor);

    /// <summary>Every supported kind, networking first.</summary>
    public static IReadOnlyList<ConfigKind> All { get; } =
    [
        VirtualService, DestinationRule, Gateway, ServiceEntry, WorkloadEntry, Sidecar,
        PeerAuthentication, RequestAuthentication, AuthorizationPolicy,
    ];

    private static readonly FrozenDictionary<string, ConfigKind> ByKind = All.ToFrozenDictionary(k => k.Kind, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, ConfigKind> ByTypeUrl = All.ToFrozenDictionary(k => k.TypeUrl, StringComparer.Ordinal);

    private static readonly FrozenDictionary<(string ApiVersion, string Kind), ConfigKind> ByApiVersionAndKind =
        All.SelectMany(k => k.Versions.Select(v => (Key: ($"{k.Group}/{v}", k.Kind), Kind: k)))
            .ToFrozenDictionary(e => e.Key, e => e.Kind);

    /// <summary>The kind served as <paramref name="apiVersion"/> (<c>networking.istio.io/v1</c>) and <paramref name="kind"/>.</summary>
    public static bool TryFind(string apiVersion, string kind, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ConfigKind? found) =>
        ByApiVersionAndKind.TryGetValue((apiVersion, kind), out found);

    /// <summary>The kind named <paramref name="kind"/> (<c>VirtualService</c>), whatever its version; case-sensitive as in Kubernetes.</summary>
    public static bool TryFindByKind(string kind, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ConfigKind? found) =>
        ByKind.TryGetValue(kind, out found);

    /// <summary>The kind whose spec has the type URL <c>type.googleapis.com/istio.networking.v1alpha3.VirtualService</c>.</summary>
    public static bool TryFindByTypeUrl(string typeUrl, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ConfigKind? found) =>
        ByTypeUrl.TryGetValue(typeUrl, out found);

    /// <summary>Whether <paramref name="group"/> belongs to Istio (<c>networking.istio.io</c>, <c>telemetry.istio.io</c>, ...).</summary>
    public static bool IsIstioGroup(string group) =>
        group == "istio.io" || group.EndsWith(".istio.io", StringComparison.Ordinal);

    private static ConfigKind Networking(string kind, MessageDescriptor descriptor) => new(NetworkingGroup, kind, NetworkingVersions, descriptor);

    private static ConfigKind Security(string kind, MessageDescriptor descriptor) => new(SecurityGroup, kind, SecurityVersions, descriptor);
}
