using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace ControlPlane.Mixer.Api.Wire;

/// <summary>
/// Decodes an <c>envoy.service.auth.v3.CheckRequest</c> straight from its bytes into the few fields a
/// decision reads, skipping the rest. The generated parser would build the whole graph (every peer,
/// map and header as objects, about 2.3 KB for a small request); this keeps Check's allocations to
/// the strings the decision needs. Field numbers are those of envoyproxy/data-plane-api
/// (<c>protos/envoy/service/auth/v3</c>); merging follows proto3 (a message field repeated on the
/// wire merges, a scalar's last value wins, map entries replace by key, a oneof keeps its last case),
/// which tests check against the generated parser. Values that repeat across requests come from
/// <see cref="Utf8StringTable.Shared"/>; header values and paths are always decoded afresh.
/// </summary>
internal static class CheckRequestDecoder
{
    private static readonly Utf8StringTable Repeated = Utf8StringTable.Shared;

    // Tags as they stand on the wire, field number << 3 | wire type: length-delimited (2) unless named.
    private const uint Field1 = 1 << 3 | ProtoWireReader.LengthDelimitedType;
    private const uint Field2 = 2 << 3 | ProtoWireReader.LengthDelimitedType;
    private const uint Field3 = 3 << 3 | ProtoWireReader.LengthDelimitedType;
    private const uint Field4 = 4 << 3 | ProtoWireReader.LengthDelimitedType;
    private const uint Field5 = 5 << 3 | ProtoWireReader.LengthDelimitedType;
    private const uint Field11 = 11 << 3 | ProtoWireReader.LengthDelimitedType;
    private const uint Field12 = 12 << 3 | ProtoWireReader.LengthDelimitedType;
    private const uint Field13 = 13 << 3 | ProtoWireReader.LengthDelimitedType;
    private const uint VarintField3 = 3 << 3 | ProtoWireReader.VarintType;

    public static CheckRequestFields Decode(ReadOnlySpan<byte> message)
    {
        var fields = new CheckRequestFields();
        var reader = new ProtoWireReader(message);
        while (!reader.End)
        {
            var tag = reader.ReadTag();
            if (tag == Field1)
            {
                fields.HasAttributes = true;
                AttributeContext(reader.ReadMessage(), fields);
            }
            else
            {
                reader.Skip(tag);
            }
        }

        return fields;
    }

    private static void AttributeContext(ProtoWireReader reader, CheckRequestFields fields)
    {
        while (!reader.End)
        {
            var tag = reader.ReadTag();
            switch (tag)
            {
                case Field1:
                    Peer(reader.ReadMessage(), fields.Source, keepLabels: false);
                    break;
                case Field2:
                    Peer(reader.ReadMessage(), fields.Destination, keepLabels: true);
                    break;
                case Field4:
                    Request(reader.ReadMessage(), fields);
                    break;
                case Field11:
                    Metadata(reader.ReadMessage(), fields);
                    break;
                case Field12:
                    TlsSession(reader.ReadMessage(), fields);
                    break;
                default:
                    reader.Skip(tag);
                    break;
            }
        }
    }

    // AttributeContext.Peer: address = 1, service = 2, labels = 3, principal = 4.
    private static void Peer(ProtoWireReader reader, PeerFields peer, bool keepLabels)
    {
        while (!reader.End)
        {
            var tag = reader.ReadTag();
            switch (tag)
            {
                case Field1:
                    Address(reader.ReadMessage(), peer);
                    break;
                case Field2:
                    peer.Service = reader.ReadString(Repeated);
                    break;
                case Field3 when keepLabels:
                    var (key, value) = StringMapEntry(reader.ReadMessage(), Repeated);
                    (peer.Labels ??= new Dictionary<string, string>(StringComparer.Ordinal))[key] = value;
                    break;
                case Field4:
                    peer.Principal = reader.ReadString(Repeated);
                    break;
                default:
                    reader.Skip(tag);
                    break;
            }
        }
    }

    // config.core.v3.Address: oneof { socket_address = 1, pipe = 2, envoy_internal_address = 3 }.
    private static void Address(ProtoWireReader reader, PeerFields peer)
    {
        while (!reader.End)
        {
            var tag = reader.ReadTag();
            if (tag == Field1)
            {
                SocketAddress(reader.ReadMessage(), peer);
            }
            else
            {
                if (tag == Field2 || tag == Field3)
                {
                    // Another case of the oneof replaces the socket address.
                    peer.SocketAddress = string.Empty;
                    peer.PortValue = 0;
                }

                reader.Skip(tag);
            }
        }
    }

    // config.core.v3.SocketAddress: address = 2, oneof port_specifier { port_value = 3, named_port = 4 }.
    private static void SocketAddress(ProtoWireReader reader, PeerFields peer)
    {
        while (!reader.End)
        {
            var tag = reader.ReadTag();
            if (tag == Field2)
            {
                peer.SocketAddress = reader.ReadString(Repeated);
            }
            else if (tag == VarintField3)
            {
                peer.PortValue = (uint)reader.ReadVarint();
            }
            else
            {
                if (tag == Field4)
                {
                    peer.PortValue = 0;
                }

                reader.Skip(tag);
            }
        }
    }

    // AttributeContext.Request: http = 2.
    private static void Request(ProtoWireReader reader, CheckRequestFields fields)
    {
        while (!reader.End)
        {
            var tag = reader.ReadTag();
            if (tag == Field2)
            {
                fields.HasHttp = true;
                HttpRequest(reader.ReadMessage(), fields);
            }
            else
            {
                reader.Skip(tag);
            }
        }
    }

    // AttributeContext.HttpRequest: method = 2, headers = 3, path = 4, host = 5, header_map = 13.
    private static void HttpRequest(ProtoWireReader reader, CheckRequestFields fields)
    {
        while (!reader.End)
        {
            var tag = reader.ReadTag();
            switch (tag)
            {
                case Field2:
                    fields.Method = reader.ReadString(Repeated);
                    break;
                case Field3:
                    var (key, value) = StringMapEntry(reader.ReadMessage(), null);
                    (fields.Headers ??= new Dictionary<string, string>(StringComparer.Ordinal))[key] = value;
                    break;
                case Field4:
                    fields.Path = reader.ReadString();
                    break;
                case Field5:
                    fields.Host = reader.ReadString(Repeated);
                    break;
                case Field13:
                    HeaderMap(reader.ReadMessage(), fields);
                    break;
                default:
                    reader.Skip(tag);
                    break;
            }
        }
    }

    // config.core.v3.HeaderMap: repeated HeaderValue headers = 1 (key = 1, value = 2, raw_value = 3).
    private static void HeaderMap(ProtoWireReader reader, CheckRequestFields fields)
    {
        while (!reader.End)
        {
            var tag = reader.ReadTag();
            if (tag != Field1)
            {
                reader.Skip(tag);
                continue;
            }

            var header = reader.ReadMessage();
            string key = string.Empty, value = string.Empty, raw = string.Empty;
            while (!header.End)
            {
                var field = header.ReadTag();
                if (field == Field1)
                {
                    key = header.ReadString(Repeated);
                }
                else if (field == Field2)
                {
                    value = header.ReadString();
                }
                else if (field == Field3)
                {
                    // bytes: Envoy sends header values here since 1.27; not required to be UTF-8.
                    raw = System.Text.Encoding.UTF8.GetString(header.ReadLengthDelimited());
                }
                else
                {
                    header.Skip(field);
                }
            }

            (fields.HeaderMap ??= []).Add(new(key, value.Length > 0 ? value : raw));
        }
    }

    // config.core.v3.Metadata: map<string, Struct> filter_metadata = 1; only "istio_authn" is read.
    private static void Metadata(ProtoWireReader reader, CheckRequestFields fields)
    {
        while (!reader.End)
        {
            var tag = reader.ReadTag();
            if (tag != Field1)
            {
                reader.Skip(tag);
                continue;
            }

            var entry = reader.ReadMessage();
            var key = string.Empty;
            Struct? value = null;
            while (!entry.End)
            {
                var field = entry.ReadTag();
                if (field == Field1)
                {
                    key = entry.ReadString();
                }
                else if (field == Field2)
                {
                    value = ParseStruct(entry.ReadLengthDelimited());
                }
                else
                {
                    entry.Skip(field);
                }
            }

            if (key == "istio_authn")
            {
                fields.Authn = value ?? new Struct();
            }
        }
    }

    private static Struct ParseStruct(ReadOnlySpan<byte> body)
    {
        try
        {
            return Struct.Parser.ParseFrom(body);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new MalformedCheckRequestException("metadata_context.filter_metadata[\"istio_authn\"] is not a valid Struct: " + e.Message);
        }
    }

    // AttributeContext.TLSSession: sni = 1.
    private static void TlsSession(ProtoWireReader reader, CheckRequestFields fields)
    {
        while (!reader.End)
        {
            var tag = reader.ReadTag();
            if (tag == Field1)
            {
                fields.Sni = reader.ReadString(Repeated);
            }
            else
            {
                reader.Skip(tag);
            }
        }
    }

    // A map<string, string> entry: key = 1, value = 2, either may be absent (then empty). Keys
    // always repeat; values go through the table only when they do too (labels, not header values).
    private static (string Key, string Value) StringMapEntry(ProtoWireReader entry, Utf8StringTable? values)
    {
        string key = string.Empty, value = string.Empty;
        while (!entry.End)
        {
            var tag = entry.ReadTag();
            if (tag == Field1)
            {
                key = entry.ReadString(Repeated);
            }
            else if (tag == Field2)
            {
                value = entry.ReadString(values);
            }
            else
            {
                entry.Skip(tag);
            }
        }

        return (key, value);
    }
}
