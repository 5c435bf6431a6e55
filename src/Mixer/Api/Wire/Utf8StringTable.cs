namespace ControlPlane.Mixer.Api.Wire;

/// <summary>
/// Recently decoded strings, by their UTF-8 bytes, for the fields whose values repeat from one
/// request to the next (principals, label keys and values, header names, methods, hosts): a
/// repeated value costs a hash and a byte comparison instead of a new string. Direct-mapped and
/// fixed in size, so memory stays bounded (slots x <see cref="MaxBytes"/>) whatever the traffic; a
/// collision or a lost race between threads only costs a miss, and a hit always compares the bytes.
/// Not for values unique to a request (request ids, paths with ids): a miss allocates more than a plain decode.
/// </summary>
internal sealed class Utf8StringTable
{
    public const int MaxBytes = 128;

    private readonly Entry?[] _slots;

    /// <param name="slotCount">A power of two.</param>
    public Utf8StringTable(int slotCount)
    {
        if (slotCount <= 0 || (slotCount & (slotCount - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(slotCount), slotCount, "a power of two");
        }

        _slots = new Entry?[slotCount];
    }

    /// <summary>The table Check's decoder uses: 2,048 slots, at most about 600 KB.</summary>
    public static Utf8StringTable Shared { get; } = new(2048);

    public bool TryGet(ReadOnlySpan<byte> utf8, out string text)
    {
        if (utf8.Length <= MaxBytes && Volatile.Read(ref _slots[Slot(utf8)]) is { } entry && utf8.SequenceEqual(entry.Utf8))
        {
            text = entry.Text;
            return true;
        }

        text = string.Empty;
        return false;
    }

    /// <summary>Remembers <paramref name="text"/>, the decoding of <paramref name="utf8"/>, in place of whatever shared its slot.</summary>
    public void Add(ReadOnlySpan<byte> utf8, string text)
    {
        if (utf8.Length <= MaxBytes)
        {
            Volatile.Write(ref _slots[Slot(utf8)], new Entry(utf8.ToArray(), text));
        }
    }

    private int Slot(ReadOnlySpan<byte> utf8)
    {
        var hash = new HashCode();
        hash.AddBytes(utf8);
        return hash.ToHashCode() & (_slots.Length - 1);
    }

    private sealed record Entry(byte[] Utf8, string Text);
}
