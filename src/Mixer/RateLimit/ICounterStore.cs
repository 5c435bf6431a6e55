namespace ControlPlane.Mixer.RateLimit;

/// <summary>
/// Fixed-window hit counters. Keys already name their window, so a store only adds and expires.
/// Throws <see cref="CounterStoreUnavailableException"/> when it cannot answer.
/// </summary>
internal interface ICounterStore
{
    /// <summary>A short name for metrics and debug output: <c>memory</c> or <c>redis</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Adds <paramref name="hits"/> to each counter and writes its new value into
    /// <paramref name="totals"/>; a counter first touched lives for its <see cref="CounterIncrement.Lifetime"/>.
    /// </summary>
    ValueTask IncrementAsync(IReadOnlyList<CounterIncrement> increments, long[] totals, CancellationToken cancellationToken);
}
