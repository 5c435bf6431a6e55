using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ControlPlane.Shared.Identity;
using Grpc.Core;
using Istio.V1.Auth;
using ControlPlane.Agent.Hosting;
using Microsoft.Extensions.Options;

namespace ControlPlane.Agent.Certificates;

/// <summary>
/// One certificate request to Citadel: a fresh P-256 key, a CSR asking for the SPIFFE id the token
/// names, <c>CreateCertificate</c> over TLS verified with the root bundle, and the token read from
/// its file on every call (projected tokens rotate).
/// </summary>
internal sealed class CertificateAuthorityClient(IOptions<AgentOptions> options, TimeProvider time)
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(15);

    /// <exception cref="CertificateRequestException">Citadel could not be reached or refused; the message says which.</exception>
    public async Task<WorkloadCertificate> RequestAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var roots = Read(settings.RootCert, "--root-cert");
        var token = Read(settings.TokenFile, "--token-file").Trim();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var csr = new CertificateRequest(string.Empty, key, HashAlgorithmName.SHA256);
        if (TokenSubject.Read(token) is var (ns, sa))
        {
            var san = new SubjectAlternativeNameBuilder();
            san.AddUri(new Uri(SpiffeId.ForServiceAccount(settings.TrustDomain, ns, sa).ToString()));
            csr.CertificateExtensions.Add(san.Build(critical: true));
        }

        IstioCertificateResponse response;
        try
        {
            using var channel = RootTrustChannel.Create(new Uri($"https://{settings.CaAddress}"), roots);
            var client = new IstioCertificateService.IstioCertificateServiceClient(channel);
            response = await client.CreateCertificateAsync(
                new IstioCertificateRequest { Csr = csr.CreateSigningRequestPem(), ValidityDuration = (long)settings.CertTtl.TotalSeconds },
                new Metadata { { "authorization", $"Bearer {token}" } },
                DateTime.UtcNow + CallTimeout,
                cancellationToken);
        }
        catch (RpcException e) when (e.StatusCode != StatusCode.Cancelled || !cancellationToken.IsCancellationRequested)
        {
            throw new CertificateRequestException($"Citadel at {settings.CaAddress} answered {e.StatusCode}: {e.Status.Detail}", e);
        }
        catch (FormatException e)
        {
            throw new CertificateRequestException($"--root-cert {settings.RootCert}: {e.Message}", e);
        }

        if (response.CertChain.Count == 0)
        {
            throw new CertificateRequestException($"Citadel at {settings.CaAddress} returned no certificate");
        }

        var chain = string.Concat(response.CertChain.Select(c => c.EndsWith('\n') ? c : c + "\n"));
        using var leaf = X509Certificate2.CreateFromPem(response.CertChain[0]);
        return new WorkloadCertificate(
            key.ExportPkcs8PrivateKeyPem() + "\n", chain, roots, UriSan(leaf), leaf.SerialNumber, leaf.NotAfter, time.GetUtcNow());
    }

    private static string UriSan(X509Certificate2 leaf) =>
        CertificateUris.Of(leaf).FirstOrDefault() ?? string.Empty;

    private static string Read(string path, string flag)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CertificateRequestException($"cannot read {flag} {path}: {e.Message}", e);
        }
    }
}
