using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Grpc.Net.Client;

namespace ControlPlane.Shared.Identity;

/// <summary>
/// A gRPC channel over TLS to a control-plane port that trusts only a root bundle (as a workload
/// that read <c>root-cert.pem</c> would), optionally presenting a client certificate.
/// </summary>
public static class RootTrustChannel
{
    /// <exception cref="FormatException">The bundle holds no certificate.</exception>
    public static GrpcChannel Create(Uri address, string rootBundlePem, X509Certificate2? clientCertificate = null)
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
                RemoteCertificateValidationCallback = RootTrust.ServerCheck(roots),
                ClientCertificates = clientCertificate is null ? null : [clientCertificate],
                LocalCertificateSelectionCallback = clientCertificate is null ? null : (_, _, _, _, _) => clientCertificate,
            },
        };
        return GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });
    }
}
