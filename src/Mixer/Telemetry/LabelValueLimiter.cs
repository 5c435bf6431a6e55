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

    private readonly ConcurrentDictionary<string, string> values = new(StringComparer.Ordinal);
    private int count;
    private long refused;

    /// <summary>How many values were turned into <see cref="Other"/> because the set was full.</summary>
    public long Refused => Interlocked.Read(ref refused);

    public int Count => values.Count;

    public string Admit(string value)
    {
        if (values.TryGetValue(value, out var kept))
        {
            return kept;
        }

        if (value.Length > MaxLength)
        {
            value = value[..MaxLength];
            if (values.TryGetValue(value, out kept))
            {
                return kept;
            }
        }

        if (Interlocked.Increment(ref count) > maxValues)
        {
            Interlocked.Decrement(ref count);
            Interlocked.Increment(ref refused);
            return Other;
        }

        return values.GetOrAdd(value, value);
    }
}
