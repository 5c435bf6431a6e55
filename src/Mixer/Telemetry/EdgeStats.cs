namespace ControlPlane.Mixer.Telemetry;

/// <summary>
/// Requests, errors and a latency histogram of one edge over a sliding window made of
/// <see cref="Slots"/> fixed slots; a slot is cleared when time comes round to it again.
/// Latency buckets grow by 25% from 0.1 ms, so percentiles are exact to within a quarter.
/// </summary>
internal sealed class EdgeStats(long slotSeconds)
{
    public const int Slots = 12;

    private const double FirstBound = 0.1;
    private const double Growth = 1.25;
    private const int Buckets = 64;

    private readonly long[] _epochs = new long[Slots];
    private readonly long[] _requests = new long[Slots];
    private readonly long[] _errors = new long[Slots];
    private readonly int[,] _latency = new int[Slots, Buckets];
    private readonly Lock _gate = new();

    public void Record(long nowSeconds, double milliseconds, bool error)
    {
        var epoch = nowSeconds / slotSeconds;
        var slot = (int)(epoch % Slots);
        var bucket = Bucket(milliseconds);
        lock (_gate)
        {
            if (_epochs[slot] != epoch)
            {
                _epochs[slot] = epoch;
                _requests[slot] = 0;
                _errors[slot] = 0;
                for (var b = 0; b < Buckets; b++)
                {
                    _latency[slot, b] = 0;
                }
            }

            _requests[slot]++;
            if (error)
            {
                _errors[slot]++;
            }

            _latency[slot, bucket]++;
        }
    }

    /// <summary>Totals over the slots still inside the window ending now.</summary>
    public (long Requests, long Errors, double P50, double P99) Summarize(long nowSeconds)
    {
        var current = nowSeconds / slotSeconds;
        var merged = new long[Buckets];
        long total = 0, failed = 0;
        lock (_gate)
        {
            for (var s = 0; s < Slots; s++)
            {
                if (_epochs[s] <= current - Slots || _epochs[s] > current || _requests[s] == 0)
                {
                    continue;
                }

                total += _requests[s];
                failed += _errors[s];
                for (var b = 0; b < Buckets; b++)
                {
                    merged[b] += _latency[s, b];
                }
            }
        }

        return (total, failed, Percentile(merged, total, 0.50), Percentile(merged, total, 0.99));
    }

    private static int Bucket(double milliseconds)
    {
        if (milliseconds <= FirstBound)
        {
            return 0;
        }

        var index = (int)Math.Ceiling(Math.Log(milliseconds / FirstBound) / Math.Log(Growth));
        return Math.Min(index, Buckets - 1);
    }

    private static double Percentile(long[] buckets, long total, double quantile)
    {
        if (total == 0)
        {
            return 0;
        }

        var rank = (long)Math.Ceiling(total * quantile);
        long seen = 0;
        for (var b = 0; b < buckets.Length; b++)
        {
            seen += buckets[b];
            if (seen >= rank)
            {
                return Math.Round(FirstBound * Math.Pow(Growth, b), 3);
            }
        }

        return Math.Round(FirstBound * Math.Pow(Growth, buckets.Length - 1), 3);
    }
}
