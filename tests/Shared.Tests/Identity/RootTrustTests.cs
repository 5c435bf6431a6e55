using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ControlPlane.Shared.Identity;

namespace ControlPlane.Shared.Tests.Identity;

public sealed class RootTrustTests
{
    [Fact]
    public void ServerCheck_ServerChainingToTheRoot_IsAccepted()
    {
        var (root, leaf) = RootAndLeaf();

        Assert.True(RootTrust.ServerCheck([root])(this, leaf, null, SslPolicyErrors.RemoteCertificateChainErrors));
    }

    [Fact]
    public void ServerCheck_ServerOfAnotherRoot_IsRefused()
    {
        var (_, leaf) = RootAndLeaf();
        var (otherRoot, _) = RootAndLeaf();

        Assert.False(RootTrust.ServerCheck([otherRoot])(this, leaf, null, SslPolicyErrors.RemoteCertificateChainErrors));
    }

    [Fact]
    public void ServerCheck_NameMismatch_IsRefusedEvenWhenItChains()
    {
        var (root, leaf) = RootAndLeaf();

        Assert.False(RootTrust.ServerCheck([root])(this, leaf, null, SslPolicyErrors.RemoteCertificateNameMismatch));
    }

    [Fact]
    public void Chain_ThroughAGivenIntermediate_ReachesTheRoot()
    {
        var (root, intermediate) = RootAndLeaf(intermediateIsCa: true);
        using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=leaf", leafKey, HashAlgorithmName.SHA256);
        using var leaf = request.Create(intermediate, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddHours(1), [1, 2, 3]);

        using var without = RootTrust.Chain([root]);
        using var with = RootTrust.Chain([root], [intermediate]);

        Assert.False(without.Build(leaf));
        Assert.True(with.Build(leaf), string.Join(", ", with.ChainStatus.Select(s => s.Status)));
    }

    private static (X509Certificate2 Root, X509Certificate2 Leaf) RootAndLeaf(bool intermediateIsCa = false)
    {
        using var rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var rootRequest = new CertificateRequest("CN=test root", rootKey, HashAlgorithmName.SHA256);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        rootRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        var root = rootRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(1));

        var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var leafRequest = new CertificateRequest("CN=server", leafKey, HashAlgorithmName.SHA256);
        if (intermediateIsCa)
        {
            leafRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            leafRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        }

        var leaf = leafRequest.Create(root, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddHours(2), [9, 8, 7]).CopyWithPrivateKey(leafKey);
        return (root, leaf);
    }
}
