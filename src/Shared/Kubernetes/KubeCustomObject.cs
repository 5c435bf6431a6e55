using System.Text.Json;
using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace ControlPlane.Shared.Kubernetes;

/// <summary>A custom resource (an Istio kind, RateLimitConfig) as the API serves it: typed metadata, spec and status kept as JSON.</summary>
public sealed class KubeCustomObject : IKubernetesObject<V1ObjectMeta>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = "";

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "";

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public JsonElement? Spec { get; set; }

    [JsonPropertyName("status")]
    public JsonElement? Status { get; set; }
}
