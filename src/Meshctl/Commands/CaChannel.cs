using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Grpc.Net.Client;

namespace ControlPlane.Meshctl.Commands;

/// <summary>A gRPC channel to the CA that trusts only the given root bundle (plus intermediates the server sends).</summary>
internal static class CaChannel
{
    public static GrpcChannel Create(Uri address, string rootBundlePem)
    {
        var roots = new X509Certificate2Collection();
        roots.ImportFromPem(rootBundlePem);
        if (roots.Count == 0)
        {
            throw new FormatException("the root bundle holds no certificate");
        }

        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, presented, errors) =>
                {
                    if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
                    {
                        return false;
                    }

                    using var chain = new X509Chain();
                    chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                    chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                    chain.ChainPolicy.CustomTrustStore.AddRange(roots);
                    if (presented is not null)
                    {
                        chain.ChainPolicy.ExtraStore.AddRange(presented.ChainPolicy.ExtraStore);
                    }

                    return chain.Build(X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
                },
            },
        };
        return GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });
    }
}
