using System.Collections.Concurrent;
using System.Text.Json;
using ControlPlane.Shared.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ControlPlane.Citadel.Authentication;

/// <summary>
/// A bearer JWT in the <c>authorization</c> metadata, verified against the trusted issuers' keys
/// and the configured audience. The identity comes from Kubernetes' <c>kubernetes.io</c> claim
/// (namespace, serviceaccount.name) or from <c>sub: system:serviceaccount:NS:SA</c>. Verified
/// tokens are remembered until they expire, so a workload's repeated calls cost one check.
/// </summary>
internal sealed class JwtAuthenticator : ICallerAuthenticator
{
    public const string Name = "jwt";
    private const int MaxCachedTokens = 10_000;

    private readonly TrustedJwtIssuers _issuers;
    private readonly string _trustDomain;
    private readonly TimeProvider _time;
    private readonly TokenValidationParameters _parameters;
    private readonly JsonWebTokenHandler _handler = new();
    private readonly ConcurrentDictionary<string, (CallerIdentity Identity, DateTimeOffset Expires)> _verified = new(StringComparer.Ordinal);

    public JwtAuthenticator(TrustedJwtIssuers issuers, IOptions<CitadelOptions> options, IOptions<MeshIdentityOptions> identity, TimeProvider time)
    {
        _issuers = issuers;
        _trustDomain = identity.Value.TrustDomain;
        _time = time;
        _parameters = new TokenValidationParameters
        {
            ValidIssuers = [.. issuers.Issuers],
            ValidAudience = options.Value.JwtAudience,
            IssuerSigningKeyResolver = (_, token, _, _) => issuers.KeysOf(token.Issuer),
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.FromMinutes(1),
            LifetimeValidator = (notBefore, expires, _, p) => IsWithinLifetime(notBefore, expires, p.ClockSkew),
        };
    }

    public async ValueTask<AuthenticationResult> AuthenticateAsync(CallerCredentials credentials, CancellationToken cancellationToken)
    {
        if (credentials.Authorization is not { } header)
        {
            return AuthenticationResult.NotApplicable;
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticationResult.Fail("the authorization metadata is not 'Bearer <JWT>'");
        }

        var token = header["Bearer ".Length..].Trim();
        var now = _time.GetUtcNow();
        if (_verified.TryGetValue(token, out var cached) && cached.Expires > now)
        {
            return AuthenticationResult.Success(cached.Identity);
        }

        if (_issuers.Issuers.Count == 0)
        {
            return AuthenticationResult.Fail("bearer token refused: no JWT issuer is trusted");
        }

        var result = await _handler.ValidateTokenAsync(token, _parameters);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
        {
            return AuthenticationResult.Fail($"bearer token refused: {Describe(result.Exception)}");
        }

        if (IdentityOf(jwt) is not { } id)
        {
            return AuthenticationResult.Fail("bearer token names no service account (no kubernetes.io claim, sub is not system:serviceaccount:NS:SA)");
        }

        var identity = new CallerIdentity(id, Name);
        if (_verified.Count >= MaxCachedTokens)
        {
            _verified.Clear();
        }

        _verified[token] = (identity, new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero));
        return AuthenticationResult.Success(identity);
    }

    private SpiffeId? IdentityOf(JsonWebToken jwt)
    {
        using var payload = JsonDocument.Parse(Base64UrlEncoder.Decode(jwt.EncodedPayload));
        string? ns = null, sa = null;
        if (payload.RootElement.TryGetProperty("kubernetes.io", out var kubernetes) && kubernetes.ValueKind == JsonValueKind.Object)
        {
            ns = kubernetes.TryGetProperty("namespace", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
            sa = kubernetes.TryGetProperty("serviceaccount", out var s) && s.ValueKind == JsonValueKind.Object
                && s.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null;
        }

        if ((ns is null || sa is null) && jwt.Subject?.Split(':') is ["system", "serviceaccount", var subNs, var subSa])
        {
            (ns, sa) = (subNs, subSa);
        }

        if (string.IsNullOrEmpty(ns) || string.IsNullOrEmpty(sa))
        {
            return null;
        }

        return SpiffeId.TryParse($"spiffe://{_trustDomain}/ns/{ns}/sa/{sa}", out var id) ? id : null;
    }

    private bool IsWithinLifetime(DateTime? notBefore, DateTime? expires, TimeSpan skew)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        return expires is { } exp && exp + skew > now && (notBefore is not { } nbf || nbf - skew <= now);
    }

    private static string Describe(Exception? e) => e switch
    {
        SecurityTokenExpiredException => "the token has expired",
        SecurityTokenInvalidAudienceException => "the token's audience is not accepted",
        SecurityTokenInvalidIssuerException => "the token's issuer is not trusted",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "the token's signature does not verify",
        SecurityTokenInvalidLifetimeException => "the token is expired or not yet valid",
        SecurityTokenMalformedException or ArgumentException => "the token is malformed",
        null => "unknown reason",
        _ => e.GetType().Name.Replace("Exception", string.Empty, StringComparison.Ordinal),
    };
}
