using System.Collections.Concurrent;

namespace ControlPlane.Mixer.Telemetry;

/// <summary>
/// Metric children by label values, capped at <c>maxSeries</c> combinations: past the cap, a new
/// combination is recorded under one overflow series whose free-form labels read <c>other</c>,
/// so the exposition (and memory) cannot grow without bound.
/// </summary>
internal sealed class SeriesTable<T>(int maxSeries, Func<string[], T> create)
    where T : class
{
    private readonly ConcurrentDictionary<string, T> _series = new(StringComparer.Ordinal);
    private long _folded;

    public int Count => _series.Count;

    /// <summary>Observations recorded under the overflow series because the table was full.</summary>
    public long Folded => Interlocked.Read(ref _folded);

    public T Get(string[] labels)
    {
        var key = string.Join('\u001f', labels);
        if (_series.TryGetValue(key, out var found))
        {
            return found;
        }

        if (_series.Count >= maxSeries)
        {
            Interlocked.Increment(ref _folded);
            var overflow = (string[])labels.Clone();
            foreach (var index in IstioLabels.FreeForm)
            {
                if (index < overflow.Length)
                {
                    overflow[index] = LabelValueLimiter.Other;
                }
            }

            // The overflow series itself is always admitted, even past the cap: it is one more at most.
            return _series.GetOrAdd(string.Join('\u001f', overflow), _ => create(overflow));
        }

        return _series.GetOrAdd(key, _ => create(labels));
    }
}
