using ControlPlane.Mixer.Api.Wire;

namespace ControlPlane.Mixer.Tests.Api.Wire;

/// <summary>Field-by-field equality of two <see cref="CheckRequestFields"/>, naming the field that differs.</summary>
internal static class CheckRequestFieldsAssert
{
    public static void Equal(CheckRequestFields expected, CheckRequestFields actual, string what)
    {
        Same(expected.HasAttributes, actual.HasAttributes, what, "attributes present");
        Same(expected.HasHttp, actual.HasHttp, what, "request.http present");
        Peer(expected.Source, actual.Source, what + ", source");
        Peer(expected.Destination, actual.Destination, what + ", destination");
        Same(expected.Method, actual.Method, what, "method");
        Same(expected.Path, actual.Path, what, "path");
        Same(expected.Host, actual.Host, what, "host");
        Same(Text(expected.Headers?.OrderBy(p => p.Key, StringComparer.Ordinal)), Text(actual.Headers?.OrderBy(p => p.Key, StringComparer.Ordinal)), what, "headers");
        Same(Text(expected.HeaderMap), Text(actual.HeaderMap), what, "header_map");
        Same(expected.Authn?.ToString(), actual.Authn?.ToString(), what, "istio_authn");
        Same(expected.Sni, actual.Sni, what, "sni");
    }

    private static void Peer(PeerFields expected, PeerFields actual, string what)
    {
        Same(expected.Service, actual.Service, what, "service");
        Same(expected.Principal, actual.Principal, what, "principal");
        Same(expected.SocketAddress, actual.SocketAddress, what, "socket address");
        Same(expected.PortValue, actual.PortValue, what, "port value");
        Same(Text(expected.Labels?.OrderBy(p => p.Key, StringComparer.Ordinal)), Text(actual.Labels?.OrderBy(p => p.Key, StringComparer.Ordinal)), what, "labels");
    }

    private static string? Text(IEnumerable<KeyValuePair<string, string>>? pairs) =>
        pairs is null ? null : string.Join("; ", pairs.Select(p => $"{p.Key}={p.Value}"));

    private static void Same<T>(T expected, T actual, string what, string field) =>
        Assert.True(EqualityComparer<T>.Default.Equals(expected, actual), $"{what}: {field} is '{actual}', the generated parser reads '{expected}'");
}
