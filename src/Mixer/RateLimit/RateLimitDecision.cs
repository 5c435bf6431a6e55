namespace ControlPlane.Mixer.RateLimit;

/// <summary>The answer to a <see cref="RateLimitQuery"/>: over limit if any descriptor is.</summary>
internal sealed record RateLimitDecision(bool OverLimit, IReadOnlyList<DescriptorDecision> Statuses);
