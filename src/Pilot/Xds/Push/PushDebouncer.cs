namespace ControlPlane.Pilot.Xds.Push;

/// <summary>
/// Coalesces a burst of changes into one push: fires once no change arrived for the quiet period,
/// or once the oldest pending change has waited the maximum delay, whichever comes first, with
/// the merged change. Timing comes from a <see cref="TimeProvider"/> so tests drive a fake clock.
/// </summary>
/// <typeparam name="T">What is pending; <paramref name="merge"/> folds a new change into it.</typeparam>
internal sealed class PushDebouncer<T> : IDisposable
    where T : class
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _quiet;
    private readonly TimeSpan _max;
    private readonly Func<T?, T, T> _merge;
    private readonly Action<T> _push;
    private readonly ITimer _timer;
    private T? _pending;
    private long _firstAt;
    private long _lastAt;
    private bool _disposed;

    public PushDebouncer(TimeProvider time, TimeSpan quiet, TimeSpan max, Func<T?, T, T> merge, Action<T> push)
    {
        _time = time;
        _quiet = quiet;
        _max = max < quiet ? quiet : max;
        _merge = merge;
        _push = push;
        _timer = time.CreateTimer(_ => Tick(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Adds a change; the push happens later on a timer thread.</summary>
    public void Enqueue(T change)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var now = _time.GetTimestamp();
            if (_pending is null)
            {
                _firstAt = now;
            }

            _pending = _merge(_pending, change);
            _lastAt = now;
            Schedule(now);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _pending = null;
        }

        _timer.Dispose();
    }

    private void Tick()
    {
        T? due = null;
        lock (_gate)
        {
            if (_pending is null || _disposed)
            {
                return;
            }

            var now = _time.GetTimestamp();
            if (_time.GetElapsedTime(_lastAt, now) >= _quiet || _time.GetElapsedTime(_firstAt, now) >= _max)
            {
                due = _pending;
                _pending = null;
            }
            else
            {
                Schedule(now);
            }
        }

        if (due is not null)
        {
            _push(due);
        }
    }

    private void Schedule(long now)
    {
        var untilQuiet = _quiet - _time.GetElapsedTime(_lastAt, now);
        var untilMax = _max - _time.GetElapsedTime(_firstAt, now);
        var wait = untilQuiet < untilMax ? untilQuiet : untilMax;
        _timer.Change(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }
}
