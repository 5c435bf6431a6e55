namespace ControlPlane.Agent.Certificates;

/// <summary>
/// Exponential backoff with full jitter: the n-th retry waits a random time in
/// [initial * 2^(n-1) / 2, initial * 2^(n-1)], capped at the maximum, so many agents that lost
/// Citadel together do not come back in step.
/// </summary>
internal sealed class RetryBackoff(TimeSpan initial, TimeSpan maximum, Random random)
{
    private int _failures;

    public TimeSpan Next()
    {
        _failures++;
        var ceiling = Math.Min(maximum.TotalMilliseconds, initial.TotalMilliseconds * Math.Pow(2, Math.Min(_failures - 1, 30)));
        return TimeSpan.FromMilliseconds((ceiling / 2) + (random.NextDouble() * ceiling / 2));
    }

    public void Reset() => _failures = 0;
}
