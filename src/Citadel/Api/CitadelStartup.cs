using ControlPlane.Citadel.Authentication;
using ControlPlane.Citadel.Authority;
using Microsoft.Extensions.Hosting;

namespace ControlPlane.Citadel.Api;

/// <summary>
/// Loads the CA and the trusted issuers when the host starts rather than on the first call, so
/// bad files or flags stop the process at once with a message naming them.
/// </summary>
internal sealed class CitadelStartup(CertificateAuthority authority, TrustedJwtIssuers issuers, CitadelMetrics metrics) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = issuers.Issuers;
        metrics.RootCertExpiryTimestamp.Set(authority.State.SigningRootNotAfter.ToUnixTimeSeconds());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
