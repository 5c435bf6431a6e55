using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ControlPlane.Citadel.Authority;
using ControlPlane.Shared.Identity;

namespace ControlPlane.Citadel.Tests.Authority;

/// <summary>Leaves written straight as DER, read back with .NET's own certificate parser.</summary>
public sealed class LeafCertificateWriterTests
{
    private static readonly SpiffeId Id = SpiffeId.Parse("spiffe://cluster.local/ns/a/sa/b");

    [Fact]
    public void Write_ManyLeaves_SerialsArePositive128BitAndDistinct()
    {
        using var authority = NewAuthority();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var spki = key.ExportSubjectPublicKeyInfo();
        var now = DateTimeOffset.UtcNow;

        var serials = Enumerable.Range(0, 200)
            .Select(_ => X509CertificateLoader.LoadCertificate(LeafCertificateWriter.Write(authority, new LeafSpec(spki, CsrKeyKind.Ec, Id, now, now.AddHours(1)))))
            .Select(c => c.SerialNumberBytes.ToArray())
            .ToList();

        Assert.All(serials, s => Assert.Equal(16, s.Length));
        Assert.All(serials, s => Assert.InRange(s[0], 0x40, 0x7F)); // big-endian: positive, no leading zero byte
        Assert.Equal(serials.Count, serials.Select(Convert.ToHexString).Distinct().Count());
    }

    [Fact]
    public void Write_ValidityPast2049_UsesGeneralizedTimeAndRoundTrips()
    {
        using var authority = NewAuthority(TimeSpan.FromDays(365 * 40));
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var notAfter = new DateTimeOffset(2051, 3, 4, 5, 6, 7, TimeSpan.Zero);

        using var leaf = X509CertificateLoader.LoadCertificate(LeafCertificateWriter.Write(
            authority, new LeafSpec(key.ExportSubjectPublicKeyInfo(), CsrKeyKind.Ec, Id, DateTimeOffset.UtcNow, notAfter)));

        Assert.Equal(notAfter.UtcDateTime, leaf.NotAfter.ToUniversalTime());
        using var chain = RootTrust.Chain([authority.Root]);
        Assert.True(chain.Build(leaf), string.Join(", ", chain.ChainStatus.Select(s => s.Status)));
    }

    private static SigningAuthority NewAuthority(TimeSpan? ttl = null)
    {
        var root = RootCertificateFactory.Create(CaKeyAlgorithms.EcdsaP256, "cluster.local", DateTimeOffset.UtcNow, ttl ?? TimeSpan.FromDays(30));
        return new SigningAuthority(root, CaStore.PrivateKeyOf(root), [root]);
    }
}
