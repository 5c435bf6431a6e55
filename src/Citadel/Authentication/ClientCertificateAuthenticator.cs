using System.Formats.Asn1;
using System.Security.Cryptography.X509Certificates;
using ControlPlane.Citadel.Authority;
using ControlPlane.Shared.Identity;

namespace ControlPlane.Citadel.Authentication;

/// <summary>
/// Renewal: a still-valid client certificate issued by this CA (any root of the current bundle)
/// proves the SPIFFE id in its URI SAN. Kestrel accepts any client certificate on the CA port;
/// the chain is checked here against the CA's own roots, which change on rotation.
/// </summary>
internal sealed class ClientCertificateAuthenticator(CertificateAuthority authority, TimeProvider time) : ICallerAuthenticator
{
    public const string Name = "client-certificate";

    public ValueTask<AuthenticationResult> AuthenticateAsync(CallerCredentials credentials, CancellationToken cancellationToken)
    {
        if (credentials.ClientCertificate is not { } certificate)
        {
            return ValueTask.FromResult(AuthenticationResult.NotApplicable);
        }

        return ValueTask.FromResult(Authenticate(certificate));
    }

    private AuthenticationResult Authenticate(X509Certificate2 certificate)
    {
        var state = authority.State;
        using var chain = RootTrust.Chain(state.TrustedRootCollection, state.Intermediates);
        chain.ChainPolicy.VerificationTime = time.GetUtcNow().UtcDateTime;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        chain.ChainPolicy.ApplicationPolicy.Add(new System.Security.Cryptography.Oid(Oids.ClientAuth));
        if (!chain.Build(certificate))
        {
            var status = string.Join(", ", chain.ChainStatus.Select(s => s.Status));
            return AuthenticationResult.Fail($"client certificate not accepted: {status}");
        }

        var uris = CertificateUris.Of(certificate);
        if (uris.Count != 1 || !SpiffeId.TryParse(uris[0], out var id))
        {
            return AuthenticationResult.Fail("client certificate does not carry exactly one SPIFFE id");
        }

        return AuthenticationResult.Success(new CallerIdentity(id, Name));
    }
}
