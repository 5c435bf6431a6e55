using System.Text.Json.Serialization;

namespace ControlPlane.Mixer.Telemetry;

/// <summary>
/// An edge of <c>/api/graph</c>: traffic from one node to another over the window. Rates are per
/// second over the whole window; <c>error_ratio</c> is errors over requests.
/// </summary>
internal sealed record GraphEdgeView(
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("target")] string Target,
    [property: JsonPropertyName("requests")] long Requests,
    [property: JsonPropertyName("request_rate")] double RequestRate,
    [property: JsonPropertyName("errors")] long Errors,
    [property: JsonPropertyName("error_rate")] double ErrorRate,
    [property: JsonPropertyName("error_ratio")] double ErrorRatio,
    [property: JsonPropertyName("p50_ms")] double P50Milliseconds,
    [property: JsonPropertyName("p99_ms")] double P99Milliseconds);
