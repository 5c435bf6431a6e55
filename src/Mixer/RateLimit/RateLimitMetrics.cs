using Prometheus;

namespace ControlPlane.Mixer.RateLimit;

/// <summary>Mixer's own rate-limit metrics: decisions, shadow-mode hits and counter-store failures.</summary>
internal sealed class RateLimitMetrics(IMetricFactory factory)
{
    private readonly Counter _decisions = factory.CreateCounter(
        "mixer_ratelimit_decisions_total", "ShouldRateLimit answers by configured domain (unknown for others) and code.", ["domain", "code"]);

    private readonly Counter _shadow = factory.CreateCounter(
        "mixer_ratelimit_shadow_over_limit_total", "Descriptors over a shadow-mode limit, answered OK.", ["domain"]);

    private readonly Counter _storeErrors = factory.CreateCounter(
        "mixer_ratelimit_store_errors_total", "Rate-limit calls the counter store could not answer, by store and failure mode.", ["store", "mode"]);

    public void Decision(string domain, bool overLimit) => _decisions.WithLabels(domain, overLimit ? "OVER_LIMIT" : "OK").Inc();

    public void ShadowOverLimit(string domain) => _shadow.WithLabels(domain).Inc();

    public void StoreError(string store, FailureMode mode) => _storeErrors.WithLabels(store, mode == FailureMode.Open ? "open" : "closed").Inc();

    public double StoreErrors(string store, FailureMode mode) => _storeErrors.WithLabels(store, mode == FailureMode.Open ? "open" : "closed").Value;
}
