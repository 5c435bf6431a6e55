using Envoy.Config.Core.V3;
using Envoy.Service.Auth.V3;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Peer = Envoy.Service.Auth.V3.AttributeContext.Types.Peer;

namespace ControlPlane.Mixer.Tests.Api.Wire;

/// <summary>
/// CheckRequests with every field the decoder reads, and many it skips, each present or not at
/// random: the inputs of the differential tests against the generated parser.
/// </summary>
internal sealed class RandomCheckRequests(int seed)
{
    private static readonly string[] Words = ["", "a", "reviews", "default", "app", "v2", "X-Tenant", "x-forwarded-for", "é✓", "/api?x=1", "10.0.0.5", "::ffff:10.1.2.3"];

    private readonly Random _random = new(seed);

    public CheckRequest Next()
    {
        var request = new CheckRequest();
        if (Chance(0.05))
        {
            return request;
        }

        var attributes = request.Attributes = new AttributeContext();
        attributes.Source = Maybe(Peer);
        attributes.Destination = Maybe(Peer);
        if (Chance(0.9))
        {
            attributes.Request = new AttributeContext.Types.Request { Time = Maybe(() => Timestamp.FromDateTime(DateTime.UnixEpoch)), Http = Maybe(Http, 0.9) };
        }

        Fill(attributes.ContextExtensions);
        attributes.MetadataContext = Maybe(Metadata);
        attributes.RouteMetadataContext = Maybe(Metadata);
        attributes.TlsSession = Maybe(() => new AttributeContext.Types.TLSSession { Sni = Word() });
        return request;
    }

    /// <summary>Bytes that are not a field this decoder reads, of every wire type, including a group.</summary>
    public byte[] UnknownFields()
    {
        using var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        var field = 1000 + _random.Next(1000);
        switch (_random.Next(5))
        {
            case 0:
                output.WriteTag(field, WireFormat.WireType.Varint);
                output.WriteUInt64((ulong)_random.NextInt64());
                break;
            case 1:
                output.WriteTag(field, WireFormat.WireType.Fixed64);
                output.WriteFixed64(42);
                break;
            case 2:
                output.WriteTag(field, WireFormat.WireType.Fixed32);
                output.WriteFixed32(7);
                break;
            case 3:
                output.WriteTag(field, WireFormat.WireType.LengthDelimited);
                output.WriteString(Word());
                break;
            default:
                output.WriteTag(field, WireFormat.WireType.StartGroup);
                output.WriteTag(field + 1, WireFormat.WireType.Varint);
                output.WriteUInt32(1);
                output.WriteTag(field, WireFormat.WireType.EndGroup);
                break;
        }

        output.Flush();
        return stream.ToArray();
    }

    private Peer Peer()
    {
        var peer = new Peer { Service = Word(), Principal = Chance(0.5) ? "spiffe://cluster.local/ns/" + Word() + "/sa/" + Word() : Word(), Certificate = Word() };
        peer.Address = Maybe(() => _random.Next(3) switch
        {
            0 => new Address { Pipe = new Pipe { Path = "/tmp/s" } },
            1 => new Address { EnvoyInternalAddress = new EnvoyInternalAddress { ServerListenerName = "l" } },
            _ => new Address { SocketAddress = Socket() },
        });
        Fill(peer.Labels);
        return peer;
    }

    private SocketAddress Socket()
    {
        var socket = new SocketAddress { Address = Word(), ResolverName = Word() };
        if (Chance(0.5))
        {
            socket.PortValue = (uint)_random.Next(0, 65536);
        }
        else if (Chance(0.5))
        {
            socket.NamedPort = Word();
        }

        return socket;
    }

    private AttributeContext.Types.HttpRequest Http()
    {
        var http = new AttributeContext.Types.HttpRequest { Id = Word(), Method = Word(), Path = Word(), Host = Word(), Scheme = Word(), Size = _random.Next(), Protocol = Word(), Body = Word() };
        Fill(http.Headers);
        http.HeaderMap = Maybe(() =>
        {
            var map = new HeaderMap();
            for (var i = _random.Next(4); i > 0; i--)
            {
                map.Headers.Add(Chance(0.5)
                    ? new HeaderValue { Key = Word(), Value = Word() }
                    : new HeaderValue { Key = Word(), RawValue = ByteString.CopyFromUtf8(Word()) });
            }

            return map;
        });
        return http;
    }

    private Metadata Metadata()
    {
        var metadata = new Metadata();
        if (Chance(0.7))
        {
            var authn = new Struct();
            authn.Fields["request.auth.principal"] = Value.ForString(Word());
            authn.Fields["request.auth.audiences"] = Value.ForList(Value.ForString(Word()), Value.ForNumber(3));
            metadata.FilterMetadata["istio_authn"] = authn;
        }

        if (Chance(0.5))
        {
            metadata.FilterMetadata["envoy.filters.http.jwt_authn"] = new Struct { Fields = { ["x"] = Value.ForBool(true) } };
        }

        if (Chance(0.3))
        {
            metadata.TypedFilterMetadata["t"] = Any.Pack(new Empty());
        }

        return metadata;
    }

    private void Fill(IDictionary<string, string> map)
    {
        for (var i = _random.Next(4); i > 0; i--)
        {
            map[Word()] = Word();
        }
    }

    private T? Maybe<T>(Func<T> make, double chance = 0.6) where T : class => Chance(chance) ? make() : null;

    private bool Chance(double p) => _random.NextDouble() < p;

    private string Word() => Words[_random.Next(Words.Length)];
}
