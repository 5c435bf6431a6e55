using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ControlPlane.Citadel.Tests.Support;
using Grpc.Core;

namespace ControlPlane.Citadel.Tests.Authentication;

/// <summary>Renewal over mTLS: the current certificate, presented as the TLS client certificate, is the credential.</summary>
public sealed class RenewalTests
{
    private const string Reviews = "spiffe://cluster.local/ns/default/sa/reviews";

    [Fact]
    public async Task CreateCertificate_ValidClientCertificateAndNoToken_RenewsTheSameIdentity()
    {
        await using var citadel = await CitadelFixture.StartAsync();
        using var current = await IssueAsync(citadel, Reviews);
        using var client = citadel.Client(current);
        var (csr, key) = Csr.Ec(Reviews);
        using var _ = key;

        var response = await client.CreateAsync(csr);

        using var renewed = X509Certificate2.CreateFromPem(response.CertChain[0]);
        Assert.Contains(Reviews, renewed.Extensions["2.5.29.17"]!.Format(false), StringComparison.Ordinal);
        Assert.NotEqual(current.SerialNumber, renewed.SerialNumber);
    }

    [Fact]
    public async Task CreateCertificate_ClientCertificateAskingForAnotherIdentity_IsPermissionDenied()
    {
        await using var citadel = await CitadelFixture.StartAsync();
        using var current = await IssueAsync(citadel, Reviews);
        using var client = citadel.Client(current);

        var error = await client.RefusedAsync(Csr.Ec("spiffe://cluster.local/ns/default/sa/ratings").Pem);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task CreateCertificate_ClientCertificateFromAnotherCa_IsUnauthenticated()
    {
        await using var citadel = await CitadelFixture.StartAsync();
        using var foreign = SelfSignedWorkload(Reviews);
        using var client = citadel.Client(foreign);

        var error = await client.RefusedAsync(Csr.Ec(Reviews).Pem);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Contains("client certificate not accepted", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateCertificate_ForeignClientCertificateButValidToken_FallsBackToTheToken()
    {
        await using var citadel = await CitadelFixture.StartAsync();
        using var foreign = SelfSignedWorkload(Reviews);
        using var client = citadel.Client(foreign);

        var response = await client.CreateAsync(Csr.Ec(Reviews).Pem, citadel.Token("default", "reviews"));

        Assert.Equal(2, response.CertChain.Count);
    }

    /// <summary>Gets a certificate with a token and returns it with its private key, ready to present.</summary>
    internal static async Task<X509Certificate2> IssueAsync(CitadelFixture citadel, string identity, long ttlSeconds = 0)
    {
        using var client = citadel.Client();
        var (csr, key) = Csr.Ec(identity);
        using var _ = key;
        var parts = identity.Split('/');
        var response = await client.CreateAsync(csr, citadel.Token(parts[4], parts[6]), ttlSeconds);
        using var leaf = X509Certificate2.CreateFromPem(response.CertChain[0]);
        return leaf.CopyWithPrivateKey(key);
    }

    private static X509Certificate2 SelfSignedWorkload(string identity)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=intruder", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddUri(new Uri(identity));
        request.CertificateExtensions.Add(san.Build());
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
    }
}
