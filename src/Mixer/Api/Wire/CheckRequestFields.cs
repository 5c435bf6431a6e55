using Google.Protobuf.WellKnownTypes;

namespace ControlPlane.Mixer.Api.Wire;

/// <summary>
/// Every field of a <c>CheckRequest</c> that an authorization decision reads, raw, before any
/// interpretation (SPIFFE ids, IPs, header precedence): what <see cref="CheckRequestDecoder"/> takes
/// from the wire and <see cref="CheckRequestReader"/> turns into <see cref="Authorization.CheckAttributes"/>.
/// </summary>
internal sealed class CheckRequestFields
{
    public bool HasAttributes { get; set; }

    public bool HasHttp { get; set; }

    public PeerFields Source { get; } = new();

    /// <summary>The destination peer; its labels are kept (the source's are not read).</summary>
    public PeerFields Destination { get; } = new();

    public string Method { get; set; } = string.Empty;

    public string Path { get; set; } = string.Empty;

    public string Host { get; set; } = string.Empty;

    /// <summary><c>request.http.headers</c>; null when none were sent.</summary>
    public Dictionary<string, string>? Headers { get; set; }

    /// <summary><c>request.http.header_map.headers</c> in order, each value from <c>value</c> or else <c>raw_value</c>.</summary>
    public List<KeyValuePair<string, string>>? HeaderMap { get; set; }

    /// <summary><c>metadata_context.filter_metadata["istio_authn"]</c>.</summary>
    public Struct? Authn { get; set; }

    public string Sni { get; set; } = string.Empty;
}
