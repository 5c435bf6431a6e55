using ControlPlane.Citadel.Authentication;
using ControlPlane.Citadel.Authority;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ControlPlane.Shared.Hosting;

namespace ControlPlane.Citadel.Api;

/// <summary>
/// CreateCertificate without the transport: authenticate the caller, parse and verify the CSR,
/// check it asks only for the caller's own SPIFFE id and an allowed TTL, then issue. Throws the
/// typed errors <see cref="CertificateService"/> maps to status codes.
/// </summary>
internal sealed partial class CertificateRequestHandler(
    CallerAuthenticator authenticator,
    CertificateAuthority authority,
    CitadelMetrics metrics,
    IOptions<CitadelOptions> options,
    TimeProvider time,
    ILogger<CertificateRequestHandler> logger)
{
    /// <summary>Leaves start this far in the past, so a peer whose clock is slightly behind accepts them.</summary>
    public static readonly TimeSpan ClockSkewAllowance = TimeSpan.FromMinutes(5);

    private readonly TimeSpan _maxTtl = options.Value.MaxTtl;
    private readonly TimeSpan _defaultTtl = options.Value.DefaultTtl < options.Value.MaxTtl ? options.Value.DefaultTtl : options.Value.MaxTtl;

    public async ValueTask<IssuedCertificate> HandleAsync(CallerCredentials credentials, string csrPem, long validitySeconds, CancellationToken cancellationToken)
    {
        metrics.CsrCount.Inc();
        CallerIdentity caller;
        try
        {
            caller = await authenticator.AuthenticateAsync(credentials, cancellationToken);
        }
        catch (AuthenticationFailedException e)
        {
            metrics.AuthenticationFailureCount.Inc();
            LogAuthenticationFailed(e.Message);
            throw;
        }

        ParsedCsr csr;
        try
        {
            csr = CsrParser.Parse(csrPem);
        }
        catch (InvalidCsrException)
        {
            metrics.CsrParsingErrorCount.Inc();
            throw;
        }

        Authorize(caller, csr);
        var ttl = TtlOf(validitySeconds);
        var now = time.GetUtcNow();
        var issued = authority.Issue(new LeafSpec(csr.SubjectPublicKeyInfo, csr.KeyKind, caller.Id, now - ClockSkewAllowance, now + ttl));
        metrics.SuccessCertIssuanceCount.Inc();
        LogIssued(caller.Id.ToString(), caller.AuthenticatedBy, ttl);
        return issued;
    }

    private void Authorize(CallerIdentity caller, ParsedCsr csr)
    {
        var own = caller.Id.ToString();
        var foreign = csr.UriNames.Where(u => !string.Equals(u, own, StringComparison.Ordinal))
            .Concat(csr.DnsNames.Select(d => $"DNS:{d}"))
            .Concat(csr.OtherNames)
            .ToList();
        if (foreign.Count > 0 || csr.UriNames.Count > 1)
        {
            metrics.IdentityMismatchCount.Inc();
            throw new IdentityNotAllowedException(
                $"the CSR asks for {string.Join(", ", foreign.DefaultIfEmpty("the same URI twice"))} but the caller is {own}");
        }
    }

    private TimeSpan TtlOf(long validitySeconds)
    {
        if (validitySeconds < 0)
        {
            throw new InvalidCertificateRequestException($"validity_duration {validitySeconds}s is negative");
        }

        if (validitySeconds == 0)
        {
            return _defaultTtl;
        }

        if (validitySeconds > _maxTtl.TotalSeconds)
        {
            throw new InvalidCertificateRequestException($"validity_duration {validitySeconds}s exceeds the maximum of {(long)_maxTtl.TotalSeconds}s");
        }

        return TimeSpan.FromSeconds(validitySeconds);
    }

    [LoggerMessage(EventId = LogEventIds.CitadelApi + 1, Level = LogLevel.Debug, Message = "Issued a certificate for {Identity} (authenticated by {Method}, TTL {Ttl})")]
    private partial void LogIssued(string identity, string method, TimeSpan ttl);

    [LoggerMessage(EventId = LogEventIds.CitadelApi + 2, Level = LogLevel.Information, Message = "Refused an unauthenticated certificate request: {Reason}")]
    private partial void LogAuthenticationFailed(string reason);
}
