using System.Collections.Concurrent;

namespace ControlPlane.Mixer.RateLimit;

/// <summary>
/// Counters in this process, the embedded default. Expired windows are swept at most once a second
/// of the <see cref="TimeProvider"/>'s time, so memory follows the live windows only.
/// </summary>
internal sealed class MemoryCounterStore(TimeProvider time) : ICounterStore
{
    private readonly ConcurrentDictionary<string, Counter> _counters = new(StringComparer.Ordinal);
    private long _nextSweepTicks;

    public string Name => "memory";

    public int Count => _counters.Count;

    public ValueTask IncrementAsync(IReadOnlyList<CounterIncrement> increments, long[] totals, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcTicks;
        SweepIfDue(now);
        for (var i = 0; i < increments.Count; i++)
        {
            var increment = increments[i];
            var counter = _counters.GetOrAdd(increment.Key, static (_, expires) => new Counter(expires), now + increment.Lifetime.Ticks);
            totals[i] = Interlocked.Add(ref counter.Value, increment.Hits);
        }

        return ValueTask.CompletedTask;
    }

    private void SweepIfDue(long now)
    {
        var due = Volatile.Read(ref _nextSweepTicks);
        if (now < due || Interlocked.CompareExchange(ref _nextSweepTicks, now + TimeSpan.TicksPerSecond, due) != due)
        {
            return;
        }

        foreach (var pair in _counters)
        {
            if (pair.Value.ExpiresTicks <= now)
            {
                _counters.TryRemove(pair);
            }
        }
    }

    private sealed class Counter(long expiresTicks)
    {
        public long Value;

        public long ExpiresTicks { get; } = expiresTicks;
    }
}
