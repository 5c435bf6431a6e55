using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using ControlPlane.Citadel.Tests.Support;
using ControlPlane.TestSupport;
using Grpc.Core;

namespace ControlPlane.Citadel.Tests.Api;

/// <summary>CreateCertificate over real Kestrel TLS on 127.0.0.1 with a real gRPC client, checked by openssl.</summary>
public sealed partial class CertificateServiceTests
{
    private const string Productpage = "spiffe://cluster.local/ns/default/sa/productpage";

    [Fact]
    public async Task CreateCertificate_LocalJwt_IssuesLeafThatOpenSslVerifiesAgainstTheRoot()
    {
        await using var citadel = await CitadelFixture.StartAsync();
        using var client = citadel.Client();
        var (csr, key) = Csr.Ec(Productpage);
        using var _ = key;

        var response = await client.CreateAsync(csr, citadel.Token("default", "productpage"), validitySeconds: 3600);

        Assert.Equal(2, response.CertChain.Count);
        Assert.Equal(citadel.RootBundle.Trim(), response.CertChain[^1].Trim());
        citadel.Write("leaf.pem", response.CertChain[0]);
        citadel.Write("root.pem", citadel.RootBundle);
        var verify = await OpenSsl.SucceedAsync(citadel.WorkDir, "verify", "-CAfile", "root.pem", "-purpose", "sslclient", "leaf.pem");
        Assert.Contains("leaf.pem: OK", verify, StringComparison.Ordinal);
        await OpenSsl.SucceedAsync(citadel.WorkDir, "verify", "-CAfile", "root.pem", "-purpose", "sslserver", "leaf.pem");

        var text = await OpenSsl.SucceedAsync(citadel.WorkDir, "x509", "-in", "leaf.pem", "-noout", "-text");
        Assert.Contains($"URI:{Productpage}", text, StringComparison.Ordinal);
        Assert.DoesNotContain("DNS:", text, StringComparison.Ordinal);
        Assert.Matches(@"X509v3 Subject Alternative Name: critical\s+URI:spiffe://cluster.local/ns/default/sa/productpage\s", text);
        Assert.Matches(@"X509v3 Key Usage: critical\s+Digital Signature\s", text);
        Assert.Matches(@"X509v3 Extended Key Usage:\s+TLS Web Server Authentication, TLS Web Client Authentication", text);
        Assert.Matches(@"X509v3 Basic Constraints: critical\s+CA:FALSE", text);
        Assert.Equal(16, SerialBytes(text));

        using var leaf = X509Certificate2.CreateFromPem(response.CertChain[0]);
        Assert.InRange((leaf.NotAfter - leaf.NotBefore).TotalSeconds, 3600 + 300 - 2, 3600 + 300 + 2);
        Assert.InRange(leaf.NotBefore.ToUniversalTime(), DateTime.UtcNow.AddMinutes(-6), DateTime.UtcNow.AddMinutes(-4));
        Assert.True(leaf.GetECDsaPublicKey()!.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(key.ExportSubjectPublicKeyInfo()));
    }

    [Fact]
    public async Task CreateCertificate_RsaKey_HasKeyEnciphermentToo()
    {
        await using var citadel = await CitadelFixture.StartAsync();
        using var client = citadel.Client();

        var response = await client.CreateAsync(Csr.Rsa(2048, Productpage), citadel.Token("default", "productpage"));

        citadel.Write("leaf.pem", response.CertChain[0]);
        citadel.Write("root.pem", citadel.RootBundle);
        await OpenSsl.SucceedAsync(citadel.WorkDir, "verify", "-CAfile", "root.pem", "leaf.pem");
        var text = await OpenSsl.SucceedAsync(citadel.WorkDir, "x509", "-in", "leaf.pem", "-noout", "-text");
        Assert.Matches(@"X509v3 Key Usage: critical\s+Digital Signature, Key Encipherment\s", text);
    }

    [Fact]
    public async Task CreateCertificate_NoSanInCsr_IssuesTheCallersOwnIdentityWithTheDefaultTtl()
    {
        await using var citadel = await CitadelFixture.StartAsync("--default-cert-ttl", "2h");
        using var client = citadel.Client();
        var (csr, key) = Csr.Ec();
        using var _ = key;

        var response = await client.CreateAsync(csr, citadel.Token("shop", "cart"));

        using var leaf = X509Certificate2.CreateFromPem(response.CertChain[0]);
        Assert.Contains("spiffe://cluster.local/ns/shop/sa/cart", leaf.Extensions["2.5.29.17"]!.Format(false), StringComparison.Ordinal);
        Assert.InRange((leaf.NotAfter - leaf.NotBefore).TotalSeconds, 7200 + 300 - 2, 7200 + 300 + 2);
    }

    [Fact]
    public async Task CreateCertificate_NoCredentials_IsUnauthenticated()
    {
        await using var citadel = await CitadelFixture.StartAsync();
        using var client = citadel.Client();

        var error = await client.RefusedAsync(Csr.Ec(Productpage).Pem);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Contains("no credentials", error.Status.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("wrong-audience", "audience")]
    [InlineData("foreign-key", "signature")]
    [InlineData("garbage", "malformed")]
    [InlineData("basic", "not 'Bearer")]
    public async Task CreateCertificate_BadBearerToken_IsUnauthenticatedWithTheReason(string kind, string reason)
    {
        await using var citadel = await CitadelFixture.StartAsync();
        using var client = citadel.Client();
        var headers = new Metadata
        {
            {
                "authorization", kind switch
                {
                    "wrong-audience" => "Bearer " + citadel.Token("default", "productpage", audience: "someone-else"),
                    "foreign-key" => "Bearer " + ForeignIssuerToken(),
                    "garbage" => "Bearer not.a.jwt",
                    _ => "Basic dXNlcjpwYXNz",
                }
            },
        };

        var error = await Assert.ThrowsAsync<RpcException>(() => client.Client.CreateCertificateAsync(
            new Istio.V1.Auth.IstioCertificateRequest { Csr = Csr.Ec(Productpage).Pem }, headers, DateTime.UtcNow.AddSeconds(20)).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Contains(reason, error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateCertificate_ExpiredToken_IsUnauthenticated()
    {
        await using var citadel = await CitadelFixture.StartAsync();
        using var client = citadel.Client();
        var expired = ControlPlane.Citadel.Authentication.LocalJwtIssuer.Open(citadel.DataDir)
            .CreateToken("default", "productpage", "istio-ca", TimeSpan.FromMinutes(10), DateTimeOffset.UtcNow.AddHours(-2));

        var error = await client.RefusedAsync(Csr.Ec(Productpage).Pem, expired);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task CreateCertificate_CsrForAnotherIdentity_IsPermissionDenied()
    {
        await using var citadel = await CitadelFixture.StartAsync();
        using var client = citadel.Client();

        var error = await client.RefusedAsync(Csr.Ec("spiffe://cluster.local/ns/kube-system/sa/admin").Pem, citadel.Token("default", "productpage"));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Contains("spiffe://cluster.local/ns/kube-system/sa/admin", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateCertificate_CsrAskingForADnsName_IsPermissionDenied()
    {
        await using var citadel = await CitadelFixture.StartAsync();
        using var client = citadel.Client();

        var error = await client.RefusedAsync(Csr.EcWithDns(Productpage, "bank.example.com"), citadel.Token("default", "productpage"));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Contains("DNS:bank.example.com", error.Status.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not a csr", "not PEM")]
    [InlineData("-----BEGIN CERTIFICATE REQUEST-----\nMIIBAA==\n-----END CERTIFICATE REQUEST-----\n", "not valid DER")]
    [InlineData("rsa-1024", "1024 bits")]
    [InlineData("tampered", "signature does not verify")]
    [InlineData("ttl", "exceeds the maximum of 86400s")]
    public async Task CreateCertificate_BadRequest_IsInvalidArgumentWithTheReason(string csr, string reason)
    {
        await using var citadel = await CitadelFixture.StartAsync();
        using var client = citadel.Client();
        var ttl = csr == "ttl" ? 86401 : 0;
        csr = csr switch
        {
            "rsa-1024" => Csr.Rsa(1024, Productpage),
            "tampered" => Tampered(Csr.Ec(Productpage).Pem),
            "ttl" => Csr.Ec(Productpage).Pem,
            _ => csr,
        };

        var error = await client.RefusedAsync(csr, citadel.Token("default", "productpage"), ttl);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(reason, error.Status.Detail, StringComparison.Ordinal);
    }

    private static int SerialBytes(string x509Text)
    {
        var match = SerialPattern().Match(x509Text);
        Assert.True(match.Success, x509Text);
        return match.Groups[1].Value.Split(':').Length;
    }

    // Flips the last bit of the signature's S value: still valid DER, but no longer a valid signature.
    private static string Tampered(string pem)
    {
        var der = Convert.FromBase64String(string.Concat(pem.Split('\n').Where(l => !l.StartsWith("-----", StringComparison.Ordinal))));
        der[^1] ^= 0x01;
        return new string(System.Security.Cryptography.PemEncoding.Write("CERTIFICATE REQUEST", der)) + "\n";
    }

    private static string ForeignIssuerToken()
    {
        var dir = ControlPlane.TestSupport.TempDirectory.Create("foreign-issuer");
        return ControlPlane.Citadel.Authentication.LocalJwtIssuer.LoadOrCreate(dir)
            .CreateToken("default", "productpage", "istio-ca", TimeSpan.FromHours(1), DateTimeOffset.UtcNow);
    }

    [GeneratedRegex(@"Serial Number:\s*\n\s*([0-9a-f:]+)")]
    private static partial Regex SerialPattern();
}
