using System.Security.Cryptography;
using ControlPlane.Citadel.Authentication;
using ControlPlane.Shared.Identity;
using ControlPlane.TestSupport;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ControlPlane.Citadel.Tests.Authentication;

/// <summary>Bearer tokens from configured issuers (JWKS files), as a Kubernetes API server issues them.</summary>
public sealed class JwtAuthenticatorTests
{
    private const string Kubernetes = "https://kubernetes.default.svc.cluster.local";
    private const string Other = "https://other.example";

    private readonly ECDsa _kubernetesKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ECDsa _otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly JwtAuthenticator _authenticator;

    public JwtAuthenticatorTests()
    {
        var dir = TempDirectory.Create("jwks");
        File.WriteAllText(Path.Combine(dir, "k8s.json"), Jwks(_kubernetesKey, "k8s"));
        File.WriteAllText(Path.Combine(dir, "other.json"), Jwks(_otherKey, "other"));
        var issuers = TrustedJwtIssuers.Load($"{Kubernetes}={Path.Combine(dir, "k8s.json")}, {Other}={Path.Combine(dir, "other.json")}", local: null);
        _authenticator = new JwtAuthenticator(issuers, Options.Create(new CitadelOptions()), Options.Create(new MeshIdentityOptions()), TimeProvider.System);
    }

    [Fact]
    public async Task Authenticate_KubernetesClaim_GivesTheServiceAccountsSpiffeId()
    {
        var token = Token(Kubernetes, _kubernetesKey, "k8s", new()
        {
            ["sub"] = "system:serviceaccount:ignored:ignored",
            ["kubernetes.io"] = new Dictionary<string, object> { ["namespace"] = "shop", ["serviceaccount"] = new Dictionary<string, object> { ["name"] = "cart" } },
        });

        var result = await _authenticator.AuthenticateAsync(new CallerCredentials(null, $"Bearer {token}"), default);

        Assert.Equal("spiffe://cluster.local/ns/shop/sa/cart", result.Identity?.Id.ToString());
    }

    [Fact]
    public async Task Authenticate_OnlyASubject_TakesTheServiceAccountFromIt()
    {
        var token = Token(Kubernetes, _kubernetesKey, "k8s", new() { ["sub"] = "system:serviceaccount:default:bookinfo-ratings" });

        var result = await _authenticator.AuthenticateAsync(new CallerCredentials(null, $"Bearer {token}"), default);

        Assert.Equal("spiffe://cluster.local/ns/default/sa/bookinfo-ratings", result.Identity?.Id.ToString());
    }

    [Fact]
    public async Task Authenticate_TokenNamingOneIssuerSignedWithAnothersKey_IsRefused()
    {
        var token = Token(Kubernetes, _otherKey, "other", new() { ["sub"] = "system:serviceaccount:kube-system:admin" });

        var result = await _authenticator.AuthenticateAsync(new CallerCredentials(null, $"Bearer {token}"), default);

        Assert.Null(result.Identity);
        Assert.Contains("signature", result.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authenticate_UntrustedIssuer_IsRefused()
    {
        var token = Token("https://evil.example", _kubernetesKey, "k8s", new() { ["sub"] = "system:serviceaccount:a:b" });

        var result = await _authenticator.AuthenticateAsync(new CallerCredentials(null, $"Bearer {token}"), default);

        Assert.Null(result.Identity);
        Assert.NotNull(result.Failure);
    }

    [Fact]
    public async Task Authenticate_NoServiceAccountInTheToken_SaysSo()
    {
        var token = Token(Kubernetes, _kubernetesKey, "k8s", new() { ["sub"] = "alice@example.com" });

        var result = await _authenticator.AuthenticateAsync(new CallerCredentials(null, $"Bearer {token}"), default);

        Assert.Contains("names no service account", result.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authenticate_NoAuthorizationHeader_IsNotApplicable()
    {
        var result = await _authenticator.AuthenticateAsync(new CallerCredentials(null, null), default);

        Assert.Null(result.Identity);
        Assert.Null(result.Failure);
    }

    private static string Token(string issuer, ECDsa key, string kid, Dictionary<string, object> claims) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = "istio-ca",
            Expires = DateTime.UtcNow.AddHours(1),
            Claims = claims,
            SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(key) { KeyId = kid }, SecurityAlgorithms.EcdsaSha256),
        });

    private static string Jwks(ECDsa key, string kid)
    {
        var jwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(key) { KeyId = kid });
        jwk.D = null;
        return JsonWebKeySetWriter.Write(jwk);
    }
}
