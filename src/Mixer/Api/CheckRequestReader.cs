using System.Net;
using ControlPlane.Mixer.Api.Wire;
using ControlPlane.Mixer.Authorization;
using ControlPlane.Shared.Identity;
using Envoy.Service.Auth.V3;
using Google.Protobuf;

namespace ControlPlane.Mixer.Api;

/// <summary>
/// Reads a CheckRequest into <see cref="CheckAttributes"/>. Exactly what is read from
/// <c>attributes</c>: <c>source.principal</c> (SPIFFE URI; its <c>/ns/</c> part is the source
/// namespace), <c>source.address</c> (source IP); <c>destination.principal</c> (its namespace is the
/// workload's) or else <c>destination.service</c> (<c>name.namespace.svc...</c>),
/// <c>destination.labels</c>, <c>destination.address</c> (IP and port); <c>request.http</c> method,
/// path (query dropped), host and headers (<c>headers</c>, or <c>header_map</c> when that is used);
/// the original client IP from <c>x-envoy-external-address</c> or the first <c>x-forwarded-for</c>;
/// <c>tls_session.sni</c>; and JWT facts from <c>metadata_context.filter_metadata["istio_authn"]</c>
/// (<c>request.auth.principal</c>, <c>.audiences</c>, <c>.presenter</c>, <c>.claims</c>).
/// Everything else in the request is skipped unread.
/// </summary>
internal static class CheckRequestReader
{
    private const string SpiffePrefix = "spiffe://";

    /// <summary>Reads the serialized request, as it arrives on the wire.</summary>
    public static CheckAttributes Read(ReadOnlySpan<byte> message) => Read(CheckRequestDecoder.Decode(message));

    /// <summary>Reads a request built in memory (tests, tools); the server reads bytes.</summary>
    public static CheckAttributes Read(CheckRequest request) => Read(request.ToByteArray());

    public static CheckAttributes Read(CheckRequestFields request)
    {
        if (!request.HasAttributes)
        {
            throw new MalformedCheckRequestException("attributes is missing");
        }

        if (!request.HasHttp)
        {
            throw new MalformedCheckRequestException("attributes.request.http is missing");
        }

        var source = request.Source;
        var destination = request.Destination;
        var destinationNamespace = SpiffePrincipal.Namespace(destination.Principal) ?? ServiceNamespace(destination.Service)
            ?? throw new MalformedCheckRequestException("the destination workload's namespace is unknown: attributes.destination.principal is not a SPIFFE id and attributes.destination.service is not name.namespace[.svc...]");
        var headers = Headers(request);
        var sourceIp = Ip(source.SocketAddress);
        var authn = request.Authn;
        return new CheckAttributes
        {
            SourcePrincipal = Principal(source.Principal),
            SourceNamespace = SpiffePrincipal.Namespace(source.Principal),
            SourceIp = sourceIp,
            RemoteIp = RemoteIp(headers) ?? sourceIp,
            DestinationNamespace = destinationNamespace,
            DestinationLabels = destination.Labels ?? CheckAttributes.NoHeaders,
            DestinationIp = Ip(destination.SocketAddress),
            DestinationPort = destination.PortValue,
            Method = request.Method,
            Path = request.Path.IndexOf('?') is var q and >= 0 ? request.Path[..q] : request.Path,
            Host = request.Host,
            Headers = headers,
            RequestPrincipal = AuthnMetadata.Text(authn, "request.auth.principal"),
            Audiences = AuthnMetadata.List(authn, "request.auth.audiences"),
            Presenter = AuthnMetadata.Text(authn, "request.auth.presenter"),
            Claims = AuthnMetadata.Claims(authn),
            Sni = request.Sni.Length > 0 ? request.Sni : null,
        };
    }

    private static string? Principal(string principal) =>
        principal.Length == 0 ? null : principal.StartsWith(SpiffePrefix, StringComparison.Ordinal) ? principal[SpiffePrefix.Length..] : principal;

    private static string? ServiceNamespace(string service)
    {
        var first = service.IndexOf('.');
        if (first <= 0)
        {
            return null;
        }

        var second = service.IndexOf('.', first + 1);
        var ns = second < 0 ? service[(first + 1)..] : service[(first + 1)..second];
        return ns.Length > 0 ? ns : null;
    }

    private static IReadOnlyDictionary<string, string> Headers(CheckRequestFields request)
    {
        if (request.Headers is { Count: > 0 } headers)
        {
            return headers;
        }

        if (request.HeaderMap is not { Count: > 0 } map)
        {
            return CheckAttributes.NoHeaders;
        }

        var merged = new Dictionary<string, string>(map.Count, StringComparer.Ordinal);
        foreach (var (key, value) in map)
        {
            var name = key.ToLowerInvariant();
            merged[name] = merged.TryGetValue(name, out var existing) ? existing + "," + value : value;
        }

        return merged;
    }

    private static IPAddress? RemoteIp(IReadOnlyDictionary<string, string> headers)
    {
        if (headers.TryGetValue("x-envoy-external-address", out var external) && IPAddress.TryParse(external.Trim(), out var address))
        {
            return Normalize(address);
        }

        if (headers.TryGetValue("x-forwarded-for", out var forwarded))
        {
            var comma = forwarded.IndexOf(',');
            var first = comma < 0 ? forwarded : forwarded[..comma];
            return IPAddress.TryParse(first.Trim(), out address) ? Normalize(address) : null;
        }

        return null;
    }

    private static IPAddress? Ip(string address) =>
        address.Length > 0 && IPAddress.TryParse(address, out var ip) ? Normalize(ip) : null;

    private static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
