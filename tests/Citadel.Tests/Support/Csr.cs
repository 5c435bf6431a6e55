using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ControlPlane.Citadel.Tests.Support;

/// <summary>Workload-side CSRs made with .NET's own API (an independent encoder from Citadel's parser).</summary>
internal static class Csr
{
    public static (string Pem, ECDsa Key) Ec(params string[] uris)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=workload", key, HashAlgorithmName.SHA256);
        AddNames(request, uris, []);
        return (request.CreateSigningRequestPem(), key);
    }

    public static string EcWithDns(string uri, string dns)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=workload", key, HashAlgorithmName.SHA256);
        AddNames(request, [uri], [dns]);
        return request.CreateSigningRequestPem();
    }

    public static string Rsa(int bits, params string[] uris)
    {
        using var key = RSA.Create(bits);
        var request = new CertificateRequest("CN=workload", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        AddNames(request, uris, []);
        return request.CreateSigningRequestPem();
    }

    private static void AddNames(CertificateRequest request, string[] uris, string[] dns)
    {
        if (uris.Length == 0 && dns.Length == 0)
        {
            return;
        }

        var san = new SubjectAlternativeNameBuilder();
        foreach (var uri in uris)
        {
            san.AddUri(new Uri(uri));
        }

        foreach (var name in dns)
        {
            san.AddDnsName(name);
        }

        request.CertificateExtensions.Add(san.Build());
    }
}
