using ControlPlane.Mixer.Api;
using ControlPlane.Mixer.Api.Wire;

namespace ControlPlane.Mixer.Tests.Api.Wire;

public sealed class ProtoWireReaderTests
{
    [Fact]
    public void ReadVarint_TenByteMaximum_IsRead()
    {
        byte[] bytes = [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01];
        var reader = new ProtoWireReader(bytes);

        Assert.Equal(ulong.MaxValue, reader.ReadVarint());
        Assert.True(reader.End);
    }

    [Fact]
    public void ReadVarint_LongerThanTenBytes_IsMalformed() =>
        AssertMalformed([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01], (ref ProtoWireReader r) => r.ReadVarint(), "varint longer than 10 bytes at byte 0");

    [Fact]
    public void ReadTag_FieldNumberZero_IsMalformed() =>
        AssertMalformed([0x02, 0x00], (ref ProtoWireReader r) => r.ReadTag(), "field number 0 at byte 0");

    [Fact]
    public void ReadMessage_LengthPastTheEnd_IsMalformedNamingTheAbsoluteOffset()
    {
        // field 1 { field 2: length 9 but only 1 byte follows }
        byte[] bytes = [0x0A, 0x03, 0x12, 0x09, 0x41];

        AssertMalformed(bytes, (ref ProtoWireReader r) =>
        {
            r.ReadTag();
            var inner = r.ReadMessage();
            inner.ReadTag();
            inner.ReadString();
        }, "length 9 runs past the end of the message at byte 3");
    }

    [Fact]
    public void Skip_EveryWireTypeIncludingNestedGroups_LandsOnTheNextField()
    {
        byte[] bytes =
        [
            0x08, 0x96, 0x01,                               // 1: varint 150
            0x11, 1, 2, 3, 4, 5, 6, 7, 8,                   // 2: fixed64
            0x1A, 0x02, 0x68, 0x69,                         // 3: "hi"
            0x23, 0x2B, 0x30, 0x01, 0x2C, 0x24,             // 4: group { 5: group { 6: 1 } }
            0x3D, 1, 2, 3, 4,                               // 7: fixed32
            0x42, 0x02, 0x6F, 0x6B,                         // 8: "ok"
        ];
        var reader = new ProtoWireReader(bytes);
        for (var i = 0; i < 5; i++)
        {
            reader.Skip(reader.ReadTag());
        }

        Assert.Equal(8u << 3 | ProtoWireReader.LengthDelimitedType, reader.ReadTag());
        Assert.Equal("ok", reader.ReadString());
        Assert.True(reader.End);
    }

    [Fact]
    public void Skip_GroupClosedByAnotherField_IsMalformed() =>
        AssertMalformed([0x23, 0x2C], (ref ProtoWireReader r) => r.Skip(r.ReadTag()), "group closed by the wrong field at byte 2");

    [Fact]
    public void Skip_UnclosedGroup_IsMalformed() =>
        AssertMalformed([0x23, 0x30, 0x01], (ref ProtoWireReader r) => r.Skip(r.ReadTag()), "group is not closed at byte 3");

    [Fact]
    public void Skip_WireTypeSix_IsMalformed() =>
        AssertMalformed([0x0E], (ref ProtoWireReader r) => r.Skip(r.ReadTag()), "unexpected wire type 6 at byte 1");

    [Fact]
    public void Skip_TruncatedFixed32_IsMalformed() =>
        AssertMalformed([0x0D, 0x01, 0x02], (ref ProtoWireReader r) => r.Skip(r.ReadTag()), "truncated fixed-width field at byte 1");

    private delegate void ReaderStep(ref ProtoWireReader reader);

    private static void AssertMalformed(byte[] bytes, ReaderStep step, string problem)
    {
        var error = Assert.Throws<MalformedCheckRequestException>(() =>
        {
            var reader = new ProtoWireReader(bytes);
            step(ref reader);
        });
        Assert.Equal("not a valid protobuf message: " + problem, error.Message);
    }
}
