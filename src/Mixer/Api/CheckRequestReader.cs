using System.Net;
using ControlPlane.Mixer.Authorization;
using ControlPlane.Mixer.Identity;
using Envoy.Config.Core.V3;
using Envoy.Service.Auth.V3;

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
/// </summary>
internal static class CheckRequestReader
{
    private const string SpiffePrefix = "spiffe://";

    public static CheckAttributes Read(CheckRequest request)
    {
        var attributes = request.Attributes ?? throw new MalformedCheckRequestException("attributes is missing");
        var http = attributes.Request?.Http ?? throw new MalformedCheckRequestException("attributes.request.http is missing");
        var destination = attributes.Destination;
        var destinationNamespace = SpiffeId.Namespace(destination?.Principal) ?? ServiceNamespace(destination?.Service)
            ?? throw new MalformedCheckRequestException("the destination workload's namespace is unknown: attributes.destination.principal is not a SPIFFE id and attributes.destination.service is not name.namespace[.svc...]");
        var headers = Headers(http);
        var sourceIp = Ip(attributes.Source?.Address);
        var authn = attributes.MetadataContext?.FilterMetadata is { } metadata && metadata.TryGetValue("istio_authn", out var found) ? found : null;
        return new CheckAttributes
        {
            SourcePrincipal = Principal(attributes.Source?.Principal),
            SourceNamespace = SpiffeId.Namespace(attributes.Source?.Principal),
            SourceIp = sourceIp,
            RemoteIp = RemoteIp(headers) ?? sourceIp,
            DestinationNamespace = destinationNamespace,
            DestinationLabels = destination?.Labels is { Count: > 0 } labels ? labels : CheckAttributes.NoHeaders,
            DestinationIp = Ip(destination?.Address),
            DestinationPort = destination?.Address?.SocketAddress?.PortValue ?? 0,
            Method = http.Method,
            Path = http.Path.IndexOf('?') is var q and >= 0 ? http.Path[..q] : http.Path,
            Host = http.Host,
            Headers = headers,
            RequestPrincipal = AuthnMetadata.Text(authn, "request.auth.principal"),
            Audiences = AuthnMetadata.List(authn, "request.auth.audiences"),
            Presenter = AuthnMetadata.Text(authn, "request.auth.presenter"),
            Claims = AuthnMetadata.Claims(authn),
            Sni = attributes.TlsSession?.Sni is { Length: > 0 } sni ? sni : null,
        };
    }

    private static string? Principal(string? principal) =>
        string.IsNullOrEmpty(principal) ? null : principal.StartsWith(SpiffePrefix, StringComparison.Ordinal) ? principal[SpiffePrefix.Length..] : principal;

    private static string? ServiceNamespace(string? service)
    {
        var parts = service?.Split('.');
        return parts is { Length: >= 2 } && parts[0].Length > 0 && parts[1].Length > 0 ? parts[1] : null;
    }

    private static IReadOnlyDictionary<string, string> Headers(AttributeContext.Types.HttpRequest http)
    {
        if (http.Headers.Count > 0 || http.HeaderMap is not { Headers.Count: > 0 } map)
        {
            return http.Headers;
        }

        var headers = new Dictionary<string, string>(map.Headers.Count, StringComparer.Ordinal);
        foreach (var header in map.Headers)
        {
            var value = header.Value.Length > 0 ? header.Value : header.RawValue.ToStringUtf8();
            var name = header.Key.ToLowerInvariant();
            headers[name] = headers.TryGetValue(name, out var existing) ? existing + "," + value : value;
        }

        return headers;
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

    private static IPAddress? Ip(Address? address) =>
        address?.SocketAddress?.Address is { Length: > 0 } text && IPAddress.TryParse(text, out var ip) ? Normalize(ip) : null;

    private static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
