namespace ControlPlane.Mixer.RateLimit;

/// <summary>Where the limiter reads the newest compiled rate-limit config.</summary>
internal interface IRateLimitTableSource
{
    RateLimitTable Current { get; }
}
