using System.Security.Cryptography.X509Certificates;
using ControlPlane.Shared.Identity;
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
        _channel = RootTrustChannel.Create(address, rootBundlePem, clientCertificate);
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
}
