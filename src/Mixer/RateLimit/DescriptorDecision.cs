namespace ControlPlane.Mixer.RateLimit;

/// <summary>The answer for one descriptor.</summary>
/// <param name="OverLimit">True when this descriptor is over its (enforced) limit.</param>
/// <param name="Rule">The limit that applied; null when none did.</param>
/// <param name="Remaining">Hits left in the current window (0 when over).</param>
/// <param name="ResetAfter">Time until the current window ends.</param>
internal readonly record struct DescriptorDecision(bool OverLimit, RateLimitRule? Rule, uint Remaining, TimeSpan ResetAfter)
{
    public static DescriptorDecision NoLimit { get; } = new(false, null, 0, TimeSpan.Zero);
}
