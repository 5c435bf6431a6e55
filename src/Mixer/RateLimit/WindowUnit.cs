namespace ControlPlane.Mixer.RateLimit;

/// <summary>The length of a fixed rate-limit window, as envoyproxy/ratelimit names it.</summary>
internal enum WindowUnit
{
    Second = 1,
    Minute = 2,
    Hour = 3,
    Day = 4,
}
