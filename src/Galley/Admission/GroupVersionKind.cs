namespace ControlPlane.Galley.Admission;

/// <summary>Kubernetes' group/version/kind triple: <c>{group: networking.istio.io, version: v1, kind: VirtualService}</c>.</summary>
internal sealed record GroupVersionKind(string? Group, string? Version, string? Kind);
