using System.Net;

namespace ControlPlane.Mixer.Authorization;

/// <summary>
/// What an authorization decision reads about one request, already extracted from Envoy's
/// CheckRequest. Principals are SPIFFE ids without <c>spiffe://</c>, as AuthorizationPolicy writes them.
/// </summary>
internal sealed class CheckAttributes
{
    public static readonly IReadOnlyDictionary<string, string> NoHeaders = new Dictionary<string, string>();
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoClaims = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary><c>cluster.local/ns/default/sa/sleep</c>; null for a plaintext peer.</summary>
    public string? SourcePrincipal { get; init; }

    public string? SourceNamespace { get; init; }

    public IPAddress? SourceIp { get; init; }

    /// <summary>The original client address (<c>x-envoy-external-address</c>, else first <c>x-forwarded-for</c>, else the peer).</summary>
    public IPAddress? RemoteIp { get; init; }

    public required string DestinationNamespace { get; init; }

    public IReadOnlyDictionary<string, string> DestinationLabels { get; init; } = NoHeaders;

    public IPAddress? DestinationIp { get; init; }

    public uint DestinationPort { get; init; }

    public string Method { get; init; } = string.Empty;

    /// <summary>The path without its query string.</summary>
    public string Path { get; init; } = string.Empty;

    public string Host { get; init; } = string.Empty;

    /// <summary>Request headers by lower-case name.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = NoHeaders;

    /// <summary>JWT principal <c>iss/sub</c>, from Istio's authn filter metadata.</summary>
    public string? RequestPrincipal { get; init; }

    public IReadOnlyList<string> Audiences { get; init; } = [];

    public string? Presenter { get; init; }

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Claims { get; init; } = NoClaims;

    public string? Sni { get; init; }
}
