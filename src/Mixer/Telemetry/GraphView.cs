using System.Text.Json.Serialization;

namespace ControlPlane.Mixer.Telemetry;

/// <summary>The JSON of <c>/api/graph</c>.</summary>
internal sealed record GraphView(
    [property: JsonPropertyName("reporter")] string Reporter,
    [property: JsonPropertyName("window_seconds")] long WindowSeconds,
    [property: JsonPropertyName("nodes")] IReadOnlyList<GraphNodeView> Nodes,
    [property: JsonPropertyName("edges")] IReadOnlyList<GraphEdgeView> Edges);
