using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ControlPlane.Citadel.Bench;

/// <summary>Pre-made CSRs (fresh P-256 keys, the SPIFFE id as URI SAN), so key generation stays out of the measurement.</summary>
internal static class Workload
{
    public const string Namespace = "bench";
    public const string ServiceAccount = "loadgen";
    public const string Identity = "spiffe://cluster.local/ns/bench/sa/loadgen";

    public static string[] Csrs(int count)
    {
        var csrs = new string[count];
        Parallel.For(0, count, i =>
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest(string.Empty, key, HashAlgorithmName.SHA256);
            var san = new SubjectAlternativeNameBuilder();
            san.AddUri(new Uri(Identity));
            request.CertificateExtensions.Add(san.Build(critical: true));
            csrs[i] = request.CreateSigningRequestPem();
        });
        return csrs;
    }
}
