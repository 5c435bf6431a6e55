namespace ControlPlane.Pilot;

/// <summary>Pilot's settings, bound from the <c>Pilot</c> configuration section (flags map onto it).</summary>
internal sealed class PilotOptions
{
    public const string Section = "Pilot";

    /// <summary>A push waits until no change arrived for this long (the quiet period).</summary>
    public TimeSpan DebounceQuiet { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>A push never waits longer than this after the first change it carries.</summary>
    public TimeSpan DebounceMax { get; set; } = TimeSpan.FromSeconds(1);
}
