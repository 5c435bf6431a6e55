using System.Text.Json.Serialization;
using ControlPlane.Mixer.Authorization;
using ControlPlane.Mixer.RateLimit;
using ControlPlane.Mixer.Telemetry;

namespace ControlPlane.Mixer;

/// <summary>
/// The JSON of <c>/debug/mixerz</c>: which config versions are applied, the problems found in them,
/// and how close telemetry is to its cardinality caps.
/// </summary>
internal sealed record MixerDebugView(
    [property: JsonPropertyName("authorization_config_version")] long AuthorizationVersion,
    [property: JsonPropertyName("authorization_policies")] int Policies,
    [property: JsonPropertyName("ratelimit_config_version")] long RateLimitVersion,
    [property: JsonPropertyName("ratelimit_domains")] IReadOnlyList<string> Domains,
    [property: JsonPropertyName("ratelimit_store")] string Store,
    [property: JsonPropertyName("ratelimit_failure_mode")] string FailureMode,
    [property: JsonPropertyName("config_problems")] IReadOnlyList<string> Problems,
    [property: JsonPropertyName("http_series")] int HttpSeries,
    [property: JsonPropertyName("tcp_series")] int TcpSeries,
    [property: JsonPropertyName("label_values_refused")] long LabelValuesRefused,
    [property: JsonPropertyName("graph_edges")] int GraphEdges)
{
    public static MixerDebugView Of(
        IAuthorizationPolicySource policies, IRateLimitTableSource limits, RateLimiter limiter, IstioMetrics metrics, LabelLimits labels, ServiceGraph graph)
    {
        var set = policies.Current;
        var table = limits.Current;
        return new MixerDebugView(
            set.Version,
            set.Count,
            table.Version,
            [.. table.Domains.Keys.Order(StringComparer.Ordinal)],
            limiter.StoreName,
            limiter.FailureMode == RateLimit.FailureMode.Open ? "open" : "closed",
            [.. set.Diagnostics.Concat(table.Diagnostics).Select(d => d.ToString())],
            metrics.HttpSeriesCount,
            metrics.TcpSeriesCount,
            labels.Refused,
            graph.EdgeCount);
    }
}
