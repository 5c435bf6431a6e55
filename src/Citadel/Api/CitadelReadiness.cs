using ControlPlane.Citadel.Authority;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ControlPlane.Citadel.Api;

/// <summary>Ready once the CA is loaded and its signing certificate is within its validity.</summary>
internal sealed class CitadelReadiness(CertificateAuthority authority, TimeProvider time) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var signing = authority.State.Signing.Certificate;
        var now = time.GetUtcNow();
        return Task.FromResult(now < signing.NotAfter.ToUniversalTime() && now >= signing.NotBefore.ToUniversalTime()
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"the signing certificate is outside its validity ({signing.NotBefore:O} .. {signing.NotAfter:O})"));
    }
}
