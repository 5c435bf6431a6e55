using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ControlPlane.Shared.Config.Sources.Files;

/// <summary>Galley is ready once its first config snapshot is built (possibly empty).</summary>
internal sealed class SnapshotReadinessCheck(FileSnapshotStore store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(store.IsReady
            ? HealthCheckResult.Healthy($"config snapshot {store.Current.Version} in service")
            : HealthCheckResult.Unhealthy("the first config snapshot is not built yet"));
}
