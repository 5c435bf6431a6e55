using System.Globalization;
using System.Net;
using ControlPlane.Shared.Identity;

namespace ControlPlane.Mixer.Authorization;

/// <summary>
/// What an authorization decision reads about one request, already extracted from Envoy's
/// CheckRequest. Principals are SPIFFE ids without <c>spiffe://</c>, as AuthorizationPolicy writes them.
/// Values derived for some matchers only (service account, host without port...) are computed the
/// first time a policy asks and kept, so one request never pays for them twice. One request, one thread.
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

    /// <summary><c>NAMESPACE/ACCOUNT</c> of the source principal, as <c>serviceAccounts</c> match it.</summary>
    public string? SourceServiceAccount => field ??= SpiffePrincipal.ServiceAccount(SourcePrincipal);

    /// <summary>The source principal's trust domain, as <c>trustDomains</c> match it.</summary>
    public string? SourceTrustDomain => field ??= SpiffePrincipal.TrustDomain(SourcePrincipal);

    /// <summary>The destination port as text (<c>ports</c>, <c>destination.port</c>); null when unknown.</summary>
    public string? DestinationPortText => field ??= DestinationPort is > 0 and <= 65535 ? DestinationPort.ToString(CultureInfo.InvariantCulture) : null;

    /// <summary>The Host header without its port, when it has one (Istio matches <c>hosts</c> both ways).</summary>
    public string? HostWithoutPort => field ??= WithoutPort(Host);

    private static string? WithoutPort(string host)
    {
        var colon = host.LastIndexOf(':');
        return colon > 0 && host.IndexOf(']', StringComparison.Ordinal) < colon ? host[..colon] : null;
    }
}
