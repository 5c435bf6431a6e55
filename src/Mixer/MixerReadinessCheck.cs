using ControlPlane.Mixer.Authorization;
using ControlPlane.Mixer.RateLimit;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ControlPlane.Mixer;

/// <summary>Ready once authorization policies and rate limits are compiled from a loaded config snapshot; before that Check and ShouldRateLimit answer UNAVAILABLE.</summary>
internal sealed class MixerReadinessCheck(IAuthorizationPolicySource policies, IRateLimitTableSource limits) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(policies.Current.IsLoaded && limits.Current.IsLoaded
            ? HealthCheckResult.Healthy($"authorization config {policies.Current.Version}, rate-limit config {limits.Current.Version}")
            : HealthCheckResult.Unhealthy("no config snapshot loaded yet"));
}
