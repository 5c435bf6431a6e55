namespace ControlPlane.Mixer.RateLimit;

/// <summary>Where the limiter reads the newest compiled rate-limit config.</summary>
internal interface IRateLimitTableSource
{
    RateLimitTable Current { get; }

    /// <summary>False until the first config snapshot is compiled: until then no decision can be made.</summary>
    bool IsLoaded { get; }
}
