using System.Net.Security;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography;
using ControlPlane.Citadel.Authority;
using ControlPlane.Shared.Identity;
using Microsoft.Extensions.Options;

namespace ControlPlane.Citadel.Api;

/// <summary>
/// The CA port's own TLS server certificate, issued from the same CA as every workload's, so a
/// client that trusts <c>root-cert.pem</c> can verify the CA. Reissued at half its life and
/// whenever the CA changes generation (root rotation).
/// </summary>
internal sealed class ServingCertificateProvider
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private readonly CertificateAuthority _authority;
    private readonly TimeProvider _time;
    private readonly SpiffeId _identity;
    private readonly Lock _lock = new();
    private Issued? _current;

    public ServingCertificateProvider(CertificateAuthority authority, IOptions<MeshIdentityOptions> identity, TimeProvider time)
    {
        _authority = authority;
        _time = time;
        _identity = SpiffeId.ForServiceAccount(identity.Value.TrustDomain, "istio-system", "citadel");
        authority.Changed += _ => Invalidate();
    }

    /// <summary>DNS names the serving certificate carries besides 127.0.0.1 and ::1.</summary>
    public static IReadOnlyList<string> DnsNames { get; } = ["localhost", "citadel", "istiod", "istiod.istio-system.svc", "meshd"];

    public X509Certificate2 Current => Fresh().Certificate;

    /// <summary>
    /// TLS options for one connection on the CA port: the serving certificate with its
    /// intermediates (plug-in mode), HTTP/2, and a client certificate requested but not required;
    /// <see cref="Authentication.ClientCertificateAuthenticator"/> validates it against the CA's roots.
    /// </summary>
    public SslServerAuthenticationOptions ServerOptions() => new()
    {
        ServerCertificateContext = Fresh().Context,
        ApplicationProtocols = [SslApplicationProtocol.Http2],
        ClientCertificateRequired = true,
        RemoteCertificateValidationCallback = (_, _, _, _) => true,
        CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
    };

    private Issued Fresh()
    {
        var now = _time.GetUtcNow();
        var current = _current;
        if (current is { } c && c.Generation == _authority.State && now < c.RenewAt)
        {
            return c;
        }

        lock (_lock)
        {
            current = _current;
            if (current is { } again && again.Generation == _authority.State && now < again.RenewAt)
            {
                return again;
            }

            var fresh = Issue(now);
            _current = fresh;
            return fresh;
        }
    }

    private Issued Issue(DateTimeOffset now)
    {
        var generation = _authority.State;
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var leaf = new LeafSpec(key.ExportSubjectPublicKeyInfo(), CsrKeyKind.Ec, _identity, now - CertificateRequestHandler.ClockSkewAllowance, now + Lifetime)
        {
            DnsNames = DnsNames,
            IpAddresses = [IPAddress.Loopback, IPAddress.IPv6Loopback],
        };
        var issued = _authority.Issue(leaf);
        using var publicOnly = X509CertificateLoader.LoadCertificate(issued.LeafDer);
        var certificate = publicOnly.CopyWithPrivateKey(key);
        var context = SslStreamCertificateContext.Create(certificate, [.. generation.Signing.Chain.Take(generation.Signing.Chain.Count - 1)], offline: true);
        return new Issued(certificate, context, generation, now + (Lifetime / 2));
    }

    private sealed record Issued(X509Certificate2 Certificate, SslStreamCertificateContext Context, CaState Generation, DateTimeOffset RenewAt);

    private void Invalidate()
    {
        lock (_lock)
        {
            _current = null;
        }
    }
}
