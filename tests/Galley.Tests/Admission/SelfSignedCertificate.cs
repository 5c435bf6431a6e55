using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ControlPlane.TestSupport;

namespace ControlPlane.Galley.Tests.Admission;

/// <summary>A throwaway serving certificate for 127.0.0.1, written as PEM files the way a Secret mount provides them.</summary>
internal sealed record SelfSignedCertificate(string CertFile, string KeyFile, string Thumbprint)
{
    public static SelfSignedCertificate Create(string subject = "CN=galley-webhook-test", string? directory = null)
    {
        directory ??= TempDirectory.Create("webhook-cert");
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));

        var certFile = Path.Combine(directory, "tls.crt");
        var keyFile = Path.Combine(directory, "tls.key");
        File.WriteAllText(certFile, certificate.ExportCertificatePem());
        File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());
        return new SelfSignedCertificate(certFile, keyFile, certificate.Thumbprint);
    }

    /// <summary>An HTTPS client that trusts exactly the certificate with <paramref name="thumbprint"/>, and records what it saw.</summary>
    public static HttpClient PinnedClient(string thumbprint, Action<string>? seen = null) => new(new SocketsHttpHandler
    {
        SslOptions =
        {
            RemoteCertificateValidationCallback = (_, presented, _, _) =>
            {
                var actual = presented is null ? string.Empty : new X509Certificate2(presented).Thumbprint;
                seen?.Invoke(actual);
                return actual == thumbprint;
            },
        },
    })
    {
        Timeout = TimeSpan.FromSeconds(10),
    };
}
