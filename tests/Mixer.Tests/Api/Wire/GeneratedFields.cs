using ControlPlane.Mixer.Api.Wire;
using Envoy.Service.Auth.V3;
using Peer = Envoy.Service.Auth.V3.AttributeContext.Types.Peer;

namespace ControlPlane.Mixer.Tests.Api.Wire;

/// <summary>The reference: the fields the decoder should find, read off the generated parser's object.</summary>
internal static class GeneratedFields
{
    public static CheckRequestFields Of(CheckRequest request)
    {
        var fields = new CheckRequestFields();
        if (request.Attributes is not { } attributes)
        {
            return fields;
        }

        fields.HasAttributes = true;
        CopyPeer(attributes.Source, fields.Source, withLabels: false);
        CopyPeer(attributes.Destination, fields.Destination, withLabels: true);
        if (attributes.Request?.Http is { } http)
        {
            fields.HasHttp = true;
            fields.Method = http.Method;
            fields.Path = http.Path;
            fields.Host = http.Host;
            fields.Headers = http.Headers.Count > 0 ? new Dictionary<string, string>(http.Headers) : null;
            fields.HeaderMap = http.HeaderMap is { Headers.Count: > 0 } map
                ? [.. map.Headers.Select(h => KeyValuePair.Create(h.Key, h.Value.Length > 0 ? h.Value : h.RawValue.ToStringUtf8()))]
                : null;
        }

        fields.Authn = attributes.MetadataContext?.FilterMetadata.GetValueOrDefault("istio_authn");
        fields.Sni = attributes.TlsSession?.Sni ?? string.Empty;
        return fields;
    }

    private static void CopyPeer(Peer? peer, PeerFields into, bool withLabels)
    {
        if (peer is null)
        {
            return;
        }

        into.Service = peer.Service;
        into.Principal = peer.Principal;
        into.SocketAddress = peer.Address?.SocketAddress?.Address ?? string.Empty;
        into.PortValue = peer.Address?.SocketAddress?.PortValue ?? 0;
        into.Labels = withLabels && peer.Labels.Count > 0 ? new Dictionary<string, string>(peer.Labels) : null;
    }
}
