using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ControlPlane.Citadel.Authority;

/// <summary>Makes a self-signed root CA certificate and key. Rare (first start, rotation), so the stock API is fine.</summary>
internal static class RootCertificateFactory
{
    public static X509Certificate2 Create(string algorithm, string trustDomain, DateTimeOffset now, TimeSpan ttl)
    {
        using AsymmetricAlgorithm key = algorithm switch
        {
            CaKeyAlgorithms.EcdsaP256 => ECDsa.Create(ECCurve.NamedCurves.nistP256),
            CaKeyAlgorithms.Rsa2048 => RSA.Create(2048),
            CaKeyAlgorithms.Rsa4096 => RSA.Create(4096),
            _ => throw new ArgumentException($"unknown key algorithm '{algorithm}'", nameof(algorithm)),
        };

        // Istio names its self-signed root after the trust domain as the organisation.
        // A random suffix keeps successive roots distinguishable by name during a rotation overlap.
        var subject = new X500DistinguishedName($"O={trustDomain}, CN=Citadel Root CA {now:yyyy-MM-dd} {Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}");
        var request = key is ECDsa ec
            ? new CertificateRequest(subject, ec, HashAlgorithmName.SHA256)
            : new CertificateRequest(subject, (RSA)key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));

        return request.CreateSelfSigned(now - TimeSpan.FromMinutes(5), now + ttl);
    }
}
