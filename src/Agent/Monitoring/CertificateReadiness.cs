using ControlPlane.Agent.Certificates;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ControlPlane.Agent.Monitoring;

/// <summary>Ready once the workload has a certificate on disk (and so its bootstrap), and while it has not expired.</summary>
internal sealed class CertificateReadiness(CertificateState state, TimeProvider time) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.Current switch
        {
            null => HealthCheckResult.Unhealthy("no certificate yet"),
            var c when c.NotAfter <= time.GetUtcNow() => HealthCheckResult.Unhealthy($"the certificate expired at {c.NotAfter:u}"),
            var c => HealthCheckResult.Healthy($"{c.Identity}, expires {c.NotAfter:u}"),
        });
}
