namespace ControlPlane.Mixer.Tests.RateLimit;

/// <summary>Rate-limit specs in the envoyproxy/ratelimit format (as JSON), shared by the rate-limit tests.</summary>
internal static class RateLimitTestConfigs
{
    /// <summary>
    /// Domain <c>edge</c>: 3 per minute per remote address, 2 per second on path /slow, no limit on
    /// path /free (unlimited), 1 per minute per user under client=mobile, and a shadow limit of 1 per hour on key shadowed.
    /// </summary>
    public const string Edge = """
    {
      "domain": "edge",
      "descriptors": [
        { "key": "remote_address", "rate_limit": { "unit": "minute", "requests_per_unit": 3 } },
        { "key": "path", "value": "/slow", "rate_limit": { "unit": "second", "requests_per_unit": 2 } },
        { "key": "path", "value": "/free", "rate_limit": { "unlimited": true } },
        { "key": "client", "value": "mobile", "descriptors": [
            { "key": "user", "rate_limit": { "unit": "MINUTE", "requests_per_unit": 1, "name": "mobile-user" } }
        ] },
        { "key": "shadowed", "shadow_mode": true, "rate_limit": { "unit": "hour", "requests_per_unit": 1 } }
      ]
    }
    """;
}
