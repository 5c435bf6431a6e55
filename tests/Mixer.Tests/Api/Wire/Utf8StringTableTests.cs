using System.Text;
using ControlPlane.Mixer.Api.Wire;

namespace ControlPlane.Mixer.Tests.Api.Wire;

public sealed class Utf8StringTableTests
{
    [Fact]
    public void TryGet_AfterAdd_ReturnsTheSameInstance()
    {
        var table = new Utf8StringTable(16);
        var text = "spiffe://cluster.local/ns/default/sa/reviews";
        table.Add(Encoding.UTF8.GetBytes(text), text);

        Assert.True(table.TryGet(Encoding.UTF8.GetBytes(text), out var found));
        Assert.Same(text, found);
    }

    [Fact]
    public void TryGet_EveryValueInASlotTooSmallForThem_NeverReturnsAnotherValue()
    {
        // One slot: every value collides; a lookup must compare the bytes, never trust the slot.
        var table = new Utf8StringTable(1);
        table.Add("app"u8, "app");

        Assert.False(table.TryGet("version"u8, out _));
        table.Add("version"u8, "version");
        Assert.False(table.TryGet("app"u8, out _));
        Assert.True(table.TryGet("version"u8, out var found));
        Assert.Equal("version", found);
    }

    [Fact]
    public void Add_ValueLongerThanTheLimit_IsNotKept()
    {
        var table = new Utf8StringTable(16);
        var text = new string('a', Utf8StringTable.MaxBytes + 1);
        table.Add(Encoding.UTF8.GetBytes(text), text);

        Assert.False(table.TryGet(Encoding.UTF8.GetBytes(text), out _));
    }

    [Fact]
    public void ReadString_WithTheTable_RepeatedValueIsOneString()
    {
        var table = new Utf8StringTable(16);
        byte[] field = [0x03, .. "GET"u8];

        var first = new ProtoWireReader(field).ReadString(table);
        var second = new ProtoWireReader(field).ReadString(table);

        Assert.Equal("GET", first);
        Assert.Same(first, second);
    }

    [Fact]
    public void Constructor_SlotCountNotAPowerOfTwo_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Utf8StringTable(12));
}
