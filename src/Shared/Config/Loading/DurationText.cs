using Google.Protobuf.WellKnownTypes;

namespace ControlPlane.Shared.Config.Loading;

/// <summary>
/// Parses durations as Istio accepts them in YAML: the proto JSON form (<c>1.5s</c>) and Go's
/// <c>time.ParseDuration</c> form that Istio's docs use (<c>100ms</c>, <c>5m</c>, <c>1h30m</c>).
/// Units: ns, us (µs), ms, s, m, h; a bare <c>0</c> is zero.
/// </summary>
internal static class DurationText
{
    private const decimal NanosPerSecond = 1_000_000_000m;

    // The proto Duration range, about 10,000 years either way.
    private const decimal MaxSeconds = 315_576_000_000m;

    public static bool TryParse(string text, out Duration duration)
    {
        duration = new Duration();
        var span = text.AsSpan().Trim();
        var negative = false;
        if (span.Length > 0 && span[0] is '-' or '+')
        {
            negative = span[0] == '-';
            span = span[1..];
        }

        if (span is "0")
        {
            return true;
        }

        if (span.IsEmpty)
        {
            return false;
        }

        decimal totalNanos = 0;
        while (!span.IsEmpty)
        {
            var numberLength = 0;
            var sawDigit = false;
            while (numberLength < span.Length && (char.IsAsciiDigit(span[numberLength]) || span[numberLength] == '.'))
            {
                sawDigit |= span[numberLength] != '.';
                numberLength++;
            }

            if (!sawDigit || numberLength > 28
                || !decimal.TryParse(span[..numberLength], System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var amount))
            {
                return false;
            }

            span = span[numberLength..];
            var unitLength = 0;
            while (unitLength < span.Length && !char.IsAsciiDigit(span[unitLength]) && span[unitLength] != '.')
            {
                unitLength++;
            }

            var unit = UnitNanos(span[..unitLength]);
            if (unit == 0)
            {
                return false;
            }

            span = span[unitLength..];
            totalNanos += amount * unit;
            if (totalNanos > MaxSeconds * NanosPerSecond)
            {
                return false;
            }
        }

        var seconds = decimal.Truncate(totalNanos / NanosPerSecond);
        var nanos = decimal.Truncate(totalNanos - (seconds * NanosPerSecond));
        duration.Seconds = (long)(negative ? -seconds : seconds);
        duration.Nanos = (int)(negative ? -nanos : nanos);
        return true;
    }

    private static decimal UnitNanos(ReadOnlySpan<char> unit) => unit switch
    {
        "ns" => 1m,
        "us" or "µs" or "μs" => 1_000m,
        "ms" => 1_000_000m,
        "s" => NanosPerSecond,
        "m" => 60m * NanosPerSecond,
        "h" => 3600m * NanosPerSecond,
        _ => 0m,
    };
}
