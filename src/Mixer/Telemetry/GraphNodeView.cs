using System.Text.Json.Serialization;

namespace ControlPlane.Mixer.Telemetry;

/// <summary>A node of <c>/api/graph</c>: a workload (<c>workload:NS/NAME</c>) or a service (<c>service:HOST</c>).</summary>
internal sealed record GraphNodeView(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("name")] string Name);
