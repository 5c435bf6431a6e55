using ControlPlane.Pilot.Xds;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ControlPlane.Pilot;

/// <summary>Ready once Pilot has built its first mesh snapshot, so clients never get an empty world at start.</summary>
internal sealed class PilotReadinessCheck(PilotResourceProvider provider) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(provider.Snapshot.Version > 0
            ? HealthCheckResult.Healthy($"mesh snapshot {provider.Snapshot.Version}")
            : HealthCheckResult.Unhealthy("no mesh snapshot yet"));
}
