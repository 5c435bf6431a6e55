using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace ControlPlane.Shared.Identity;

/// <summary>
/// Certificate checks against the mesh's own roots rather than the machine's: a chain that trusts
/// only the given roots (revocation is not checked; mesh certificates are short-lived), and the TLS
/// server check built on it that gRPC clients of the control plane use.
/// </summary>
public static class RootTrust
{
    /// <summary>A chain trusting only <paramref name="roots"/>, with <paramref name="intermediates"/> to build through.</summary>
    public static X509Chain Chain(X509Certificate2Collection roots, IEnumerable<X509Certificate2>? intermediates = null)
    {
        var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        if (intermediates is not null)
        {
            chain.ChainPolicy.ExtraStore.AddRange(intermediates.ToArray());
        }

        return chain;
    }

    /// <summary>
    /// Accepts a TLS server whose certificate names the host and chains to <paramref name="roots"/>,
    /// through the intermediates it sent (a plug-in CA's), untrusted until they reach a root.
    /// </summary>
    public static RemoteCertificateValidationCallback ServerCheck(X509Certificate2Collection roots) =>
        (_, certificate, presented, errors) =>
        {
            if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
            {
                return false;
            }

            using var chain = Chain(roots, presented?.ChainPolicy.ExtraStore);
            return chain.Build(X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
        };
}
