namespace ControlPlane.Mixer.RateLimit;

/// <summary>Parsing and arithmetic of <see cref="WindowUnit"/>.</summary>
internal static class WindowUnits
{
    public static long Seconds(this WindowUnit unit) => unit switch
    {
        WindowUnit.Second => 1,
        WindowUnit.Minute => 60,
        WindowUnit.Hour => 3600,
        WindowUnit.Day => 86400,
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "unknown window unit"),
    };

    /// <summary>Reads <c>second</c>, <c>MINUTE</c>, ... in any case, as the ratelimit format allows.</summary>
    public static bool TryParse(string text, out WindowUnit unit)
    {
        unit = default;
        return text.ToUpperInvariant() switch
        {
            "SECOND" => Set(WindowUnit.Second, out unit),
            "MINUTE" => Set(WindowUnit.Minute, out unit),
            "HOUR" => Set(WindowUnit.Hour, out unit),
            "DAY" => Set(WindowUnit.Day, out unit),
            _ => false,
        };
    }

    private static bool Set(WindowUnit value, out WindowUnit unit)
    {
        unit = value;
        return true;
    }
}
