using System.Security.Cryptography.X509Certificates;
using ControlPlane.Citadel.Api;
using ControlPlane.Citadel.Authority;
using ControlPlane.Citadel.Rotation;
using ControlPlane.Shared.Identity;
using ControlPlane.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Prometheus;

namespace ControlPlane.Citadel.Tests.Rotation;

/// <summary>The rotation lifecycle on a fake clock: overlap, pruning, and rotation when the root nears expiry.</summary>
public sealed class RootRotatorTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly string _dataDir = TempDirectory.Create("rotator");

    [Fact]
    public void PruneRetired_AfterTheLastOldLeafHasExpired_DropsTheOldRootFromBundleAndDisk()
    {
        var (rotator, authority, store) = Create(new CitadelOptions { MaxCertTtl = "24h" });
        rotator.Rotate();
        Assert.Equal(2, authority.State.TrustedRoots.Count);

        _time.Advance(TimeSpan.FromHours(24));
        Assert.False(rotator.PruneRetired());
        _time.Advance(TimeSpan.FromMinutes(6));
        Assert.True(rotator.PruneRetired());

        Assert.Single(authority.State.TrustedRoots);
        Assert.Single(Roots(File.ReadAllText(store.RootBundlePath)));
        Assert.Single(store.LoadSelfSigned(_time.GetUtcNow()).TrustedRoots);
    }

    [Fact]
    public void Check_RootExpiringWithinTheWindow_RotatesAndKeepsTheOldRootTrusted()
    {
        var options = new CitadelOptions { RootCertTtl = "100d", RootRotateBefore = "30d" };
        var (rotator, authority, _) = Create(options);
        var metrics = new CitadelMetrics(Metrics.WithCustomRegistry(Metrics.NewCustomRegistry()));
        var service = new RootRotationService(rotator, authority, metrics, _time);
        var first = authority.State.Signing.Root.Thumbprint;

        _time.Advance(TimeSpan.FromDays(60));
        service.Check();
        Assert.Equal(first, authority.State.Signing.Root.Thumbprint);

        _time.Advance(TimeSpan.FromDays(11));
        service.Check();
        Assert.NotEqual(first, authority.State.Signing.Root.Thumbprint);
        Assert.Contains(authority.State.TrustedRoots, r => r.Thumbprint == first);
        Assert.Equal(authority.State.SigningRootNotAfter.ToUnixTimeSeconds(), metrics.RootCertExpiryTimestamp.Value);
    }

    private (RootRotator Rotator, CertificateAuthority Authority, CaStore Store) Create(CitadelOptions options)
    {
        var store = new CaStore(_dataDir);
        var authority = new CertificateAuthority(CertificateAuthorityLoader.Load(options, new MeshIdentityOptions(), store, _time.GetUtcNow()));
        var metrics = new CitadelMetrics(Metrics.WithCustomRegistry(Metrics.NewCustomRegistry()));
        var rotator = new RootRotator(authority, store, metrics, Options.Create(options), Options.Create(new MeshIdentityOptions()), _time, NullLogger<RootRotator>.Instance);
        return (rotator, authority, store);
    }

    private static X509Certificate2Collection Roots(string pem)
    {
        var roots = new X509Certificate2Collection();
        roots.ImportFromPem(pem);
        return roots;
    }
}
