using System.Collections.Concurrent;

namespace ControlPlane.Mixer.Telemetry;

/// <summary>
/// Bounds the distinct values one free-form label (workload, service, principal) can take: the
/// first <c>maxValues</c> seen are kept, later new ones read <see cref="Other"/>, and each value is cut
/// to <see cref="MaxLength"/> characters. Returns the stored instance so series keys share strings.
/// </summary>
internal sealed class LabelValueLimiter(int maxValues)
{
    public const string Other = "other";

    public const int MaxLength = 128;

    private readonly ConcurrentDictionary<string, string> _values = new(StringComparer.Ordinal);
    private int _count;
    private long _refused;

    /// <summary>How many values were turned into <see cref="Other"/> because the set was full.</summary>
    public long Refused => Interlocked.Read(ref _refused);

    public int Count => _values.Count;

    public string Admit(string value)
    {
        if (_values.TryGetValue(value, out var kept))
        {
            return kept;
        }

        if (value.Length > MaxLength)
        {
            value = value[..MaxLength];
            if (_values.TryGetValue(value, out kept))
            {
                return kept;
            }
        }

        if (Interlocked.Increment(ref _count) > maxValues)
        {
            Interlocked.Decrement(ref _count);
            Interlocked.Increment(ref _refused);
            return Other;
        }

        return _values.GetOrAdd(value, value);
    }
}
