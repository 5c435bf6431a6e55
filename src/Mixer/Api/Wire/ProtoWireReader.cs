using System.Text;

namespace ControlPlane.Mixer.Api.Wire;

/// <summary>
/// Reads protobuf's wire format (https://protobuf.dev/programming-guides/encoding/) from one span,
/// field by field, for hot paths that want a few fields of a message without building the whole
/// generated object graph. Anything out of shape throws <see cref="MalformedCheckRequestException"/>
/// naming the byte offset; strings must be valid UTF-8, as proto3 requires.
/// </summary>
internal ref struct ProtoWireReader(ReadOnlySpan<byte> buffer, int origin = 0)
{
    public const int VarintType = 0;
    public const int Fixed64Type = 1;
    public const int LengthDelimitedType = 2;
    public const int StartGroupType = 3;
    public const int EndGroupType = 4;
    public const int Fixed32Type = 5;

    // Groups only ever appear here as unknown fields; Google.Protobuf's default recursion limit.
    private const int MaxGroupDepth = 100;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ReadOnlySpan<byte> _buffer = buffer;
    private readonly int _origin = origin;
    private int _position;

    public readonly bool End => _position >= _buffer.Length;

    public uint ReadTag()
    {
        var at = _position;
        var tag = (uint)ReadVarint();
        if (tag >> 3 == 0)
        {
            throw Malformed(at, "field number 0");
        }

        return tag;
    }

    public ulong ReadVarint()
    {
        var at = _position;
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (_position >= _buffer.Length)
            {
                throw Malformed(at, "truncated varint");
            }

            var b = _buffer[_position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw Malformed(at, "varint longer than 10 bytes");
    }

    public ReadOnlySpan<byte> ReadLengthDelimited()
    {
        var at = _position;
        var length = ReadVarint();
        if (length > (ulong)(_buffer.Length - _position))
        {
            throw Malformed(at, $"length {length} runs past the end of the message");
        }

        var value = _buffer.Slice(_position, (int)length);
        _position += (int)length;
        return value;
    }

    /// <summary>A reader over an embedded message (a length-delimited field), keeping offsets absolute.</summary>
    public ProtoWireReader ReadMessage()
    {
        var body = ReadLengthDelimited();
        return new ProtoWireReader(body, _origin + _position - body.Length);
    }

    /// <summary>A string field; with <paramref name="table"/>, a value seen recently is not allocated again.</summary>
    public string ReadString(Utf8StringTable? table = null)
    {
        var at = _position;
        var bytes = ReadLengthDelimited();
        if (bytes.IsEmpty)
        {
            return string.Empty;
        }

        if (table is not null && table.TryGet(bytes, out var known))
        {
            return known;
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw Malformed(at, "string field is not valid UTF-8");
        }

        table?.Add(bytes, text);
        return text;
    }

    /// <summary>Skips the value of a field this reader does not want, whatever its wire type.</summary>
    public void Skip(uint tag) => Skip(tag, 0);

    private void Skip(uint tag, int depth)
    {
        switch ((int)(tag & 7))
        {
            case VarintType:
                ReadVarint();
                break;
            case Fixed64Type:
                Advance(8);
                break;
            case LengthDelimitedType:
                ReadLengthDelimited();
                break;
            case Fixed32Type:
                Advance(4);
                break;
            case StartGroupType:
                SkipGroup(tag >> 3, depth + 1);
                break;
            default:
                throw Malformed(_position, $"unexpected wire type {tag & 7}");
        }
    }

    private void SkipGroup(uint field, int depth)
    {
        if (depth > MaxGroupDepth)
        {
            throw Malformed(_position, "groups nested too deeply");
        }

        while (true)
        {
            if (End)
            {
                throw Malformed(_position, "group is not closed");
            }

            var tag = ReadTag();
            if ((tag & 7) == EndGroupType)
            {
                if (tag >> 3 != field)
                {
                    throw Malformed(_position, "group closed by the wrong field");
                }

                return;
            }

            Skip(tag, depth);
        }
    }

    private void Advance(int count)
    {
        if (_buffer.Length - _position < count)
        {
            throw Malformed(_position, "truncated fixed-width field");
        }

        _position += count;
    }

    private readonly MalformedCheckRequestException Malformed(int offset, string problem) =>
        new($"not a valid protobuf message: {problem} at byte {_origin + offset}");
}
