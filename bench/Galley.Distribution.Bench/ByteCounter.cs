namespace ControlPlane.Galley.Distribution.Bench;

/// <summary>A total shared by every subscriber's connection.</summary>
internal sealed class ByteCounter
{
    private long _bytes;

    public long Bytes => Interlocked.Read(ref _bytes);

    public void Add(int count) => Interlocked.Add(ref _bytes, count);
}
