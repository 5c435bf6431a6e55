using Google.Protobuf.Reflection;

namespace ControlPlane.Shared.Config;

/// <summary>
/// An Istio config kind: its API group, the versions it is served under, and the proto message
/// its <c>spec</c> is (the same for every version: Istio keeps field numbers identical).
/// </summary>
public sealed record ConfigKind(string Group, string Kind, IReadOnlyList<string> Versions, MessageDescriptor Descriptor)
{
    /// <summary>The xDS type URL of this kind: <c>type.googleapis.com/istio.networking.v1alpha3.VirtualService</c>.</summary>
    public string TypeUrl => "type.googleapis.com/" + Descriptor.FullName;

    public bool Serves(string apiVersion) => Versions.Any(v => apiVersion == $"{Group}/{v}");
}
