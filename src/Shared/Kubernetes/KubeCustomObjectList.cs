using System.Text.Json.Serialization;
using k8s.Models;

namespace ControlPlane.Shared.Kubernetes;

/// <summary>A list of custom resources as the API serves it.</summary>
public sealed class KubeCustomObjectList
{
    [JsonPropertyName("metadata")]
    public V1ListMeta Metadata { get; set; } = new();

    [JsonPropertyName("items")]
    public IList<KubeCustomObject> Items { get; set; } = [];
}
