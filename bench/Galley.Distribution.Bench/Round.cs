using System.Diagnostics;

namespace ControlPlane.Galley.Distribution.Bench;

/// <summary>One config change in flight: which marker to look for and when each subscriber saw it.</summary>
internal sealed class Round(string marker, int subscribers)
{
    private readonly long[] _seenAt = new long[subscribers];
    private int _remaining = subscribers;
    private long _publishedAt;

    public string Marker { get; } = marker;

    public TaskCompletionSource AllSeen { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public long PublishedAt => Interlocked.Read(ref _publishedAt);

    public long LastSeenAt => _seenAt.Max();

    public void Published() => Interlocked.CompareExchange(ref _publishedAt, Stopwatch.GetTimestamp(), 0);

    public void Seen(int subscriber)
    {
        if (Interlocked.CompareExchange(ref _seenAt[subscriber], Stopwatch.GetTimestamp(), 0) == 0 &&
            Interlocked.Decrement(ref _remaining) == 0)
        {
            AllSeen.TrySetResult();
        }
    }
}
