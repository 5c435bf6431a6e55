using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Grpc.Net.Client;
using Istio.V1.Auth;

namespace ControlPlane.Citadel.Tests.Support;

/// <summary>
/// A real gRPC client of the CA port over TLS: it trusts only the given root bundle (as a
/// workload that read <c>root-cert.pem</c> would) and may present a client certificate.
/// </summary>
internal sealed class CaClient : IDisposable
{
    private readonly GrpcChannel _channel;

    public CaClient(Uri address, string rootBundlePem, X509Certificate2? clientCertificate = null)
    {
        var roots = new X509Certificate2Collection();
        roots.ImportFromPem(rootBundlePem);
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, presented, errors) => Verify(certificate, presented, errors, roots),
                ClientCertificates = clientCertificate is null ? null : [clientCertificate],
                LocalCertificateSelectionCallback = clientCertificate is null ? null : (_, _, _, _, _) => clientCertificate,
            },
        };
        _channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = handler });
        Client = new IstioCertificateService.IstioCertificateServiceClient(_channel);
    }

    public IstioCertificateService.IstioCertificateServiceClient Client { get; }

    public async Task<IstioCertificateResponse> CreateAsync(string csr, string? token = null, long validitySeconds = 0)
    {
        var headers = new Metadata();
        if (token is not null)
        {
            headers.Add("authorization", $"Bearer {token}");
        }

        return await Client.CreateCertificateAsync(
            new IstioCertificateRequest { Csr = csr, ValidityDuration = validitySeconds },
            headers,
            deadline: DateTime.UtcNow.AddSeconds(20));
    }

    public async Task<RpcException> RefusedAsync(string csr, string? token = null, long validitySeconds = 0) =>
        await Assert.ThrowsAsync<RpcException>(() => CreateAsync(csr, token, validitySeconds));

    public void Dispose() => _channel.Dispose();

    private static bool Verify(X509Certificate? certificate, X509Chain? presented, SslPolicyErrors errors, X509Certificate2Collection roots)
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
            // The intermediates the server sent (plug-in mode), untrusted until they chain to a root.
            chain.ChainPolicy.ExtraStore.AddRange(presented.ChainPolicy.ExtraStore);
        }

        return chain.Build(new X509Certificate2(certificate));
    }
}
