using ControlPlane.Citadel.Api;
using ControlPlane.Citadel.Authority;
using Microsoft.Extensions.Hosting;

namespace ControlPlane.Citadel.Rotation;

/// <summary>
/// Checks the root periodically: rotates it when it nears expiry, prunes retired roots whose
/// overlap has ended, and keeps the root-expiry gauge current.
/// </summary>
internal sealed class RootRotationService(RootRotator rotator, CertificateAuthority authority, CitadelMetrics metrics, TimeProvider time) : BackgroundService
{
    public static readonly TimeSpan CheckInterval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(CheckInterval, time);
        do
        {
            Check();
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    internal void Check()
    {
        if (rotator.IsDue())
        {
            rotator.Rotate();
        }

        rotator.PruneRetired();
        metrics.RootCertExpiryTimestamp.Set(authority.State.SigningRootNotAfter.ToUnixTimeSeconds());
    }
}
