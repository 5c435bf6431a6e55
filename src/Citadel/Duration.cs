using System.Globalization;
using ControlPlane.Citadel.Authority;

namespace ControlPlane.Citadel;

/// <summary>Durations as flags spell them: <c>90d</c>, <c>24h</c>, <c>30m</c>, <c>3600s</c>.</summary>
internal static class Duration
{
    public static TimeSpan Parse(string text, string flag)
    {
        if (text.Length >= 2 && long.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            switch (text[^1])
            {
                case 'd': return TimeSpan.FromDays(value);
                case 'h': return TimeSpan.FromHours(value);
                case 'm': return TimeSpan.FromMinutes(value);
                case 's': return TimeSpan.FromSeconds(value);
            }
        }

        throw new CaConfigurationException($"{flag}: '{text}' is not a duration (use a whole number followed by d, h, m or s, e.g. 24h)");
    }
}
