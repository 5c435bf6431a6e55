using System.Text.Json.Nodes;

namespace ControlPlane.Shared.Config;

/// <summary>
/// A core Kubernetes object found beside Istio config (Service, Pod, Namespace, Deployment,
/// Endpoints, ...): kept as its JSON body, read by analysis and the registry.
/// </summary>
public sealed class KubernetesObject(string apiVersion, string kind, ObjectMeta meta, JsonObject body, SourcePosition? position = null)
{
    public string ApiVersion { get; } = apiVersion;

    public string Kind { get; } = kind;

    public ObjectMeta Meta { get; } = meta;

    /// <summary>The whole object as JSON (apiVersion, kind, metadata, spec, ...). Do not mutate.</summary>
    public JsonObject Body { get; } = body;

    public SourcePosition? Position { get; } = position;

    /// <summary><c>Service default/reviews</c>; cluster-scoped objects have no namespace: <c>Namespace istio-system</c>.</summary>
    public string Reference => Meta.Namespace.Length == 0 ? $"{Kind} {Meta.Name}" : $"{Kind} {Meta.Namespace}/{Meta.Name}";
}
