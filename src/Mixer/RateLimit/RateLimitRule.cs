namespace ControlPlane.Mixer.RateLimit;

/// <summary>A limit at one node of a domain's descriptor tree.</summary>
/// <param name="Name">Reported as <c>current_limit.name</c>; the node path when the config names none.</param>
/// <param name="RequestsPerUnit">Hits allowed in one window.</param>
/// <param name="Unit">The fixed window length.</param>
/// <param name="ShadowMode">Counted but never enforced.</param>
/// <param name="Unlimited">Matches, and means no limit.</param>
internal sealed record RateLimitRule(string Name, uint RequestsPerUnit, WindowUnit Unit, bool ShadowMode, bool Unlimited);
