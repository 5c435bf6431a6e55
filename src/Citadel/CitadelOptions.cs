using ControlPlane.Citadel.Authority;

namespace ControlPlane.Citadel;

/// <summary>Citadel's settings, bound from the <c>Citadel</c> configuration section (flags map onto it).</summary>
public sealed class CitadelOptions
{
    public const string Section = "Citadel";

    /// <summary>The hard ceiling on any leaf TTL, whatever is configured (SPIFFE SVIDs are short-lived).</summary>
    public static readonly TimeSpan MaxTtlCeiling = TimeSpan.FromDays(90);

    /// <summary>The self-signed root's key: <c>ecdsa-p256</c>, <c>rsa-2048</c> or <c>rsa-4096</c>.</summary>
    public string KeyAlgorithm { get; set; } = CaKeyAlgorithms.EcdsaP256;

    /// <summary>The longest leaf TTL a client may ask for (a duration such as <c>24h</c>); at most 90 days.</summary>
    public string MaxCertTtl { get; set; } = "24h";

    /// <summary>The TTL of a leaf when the client asks for none (capped by the maximum).</summary>
    public string DefaultCertTtl { get; set; } = "24h";

    /// <summary>The lifetime of a self-signed root.</summary>
    public string RootCertTtl { get; set; } = "3650d";

    /// <summary>A self-signed root is rotated once it expires within this long.</summary>
    public string RootRotateBefore { get; set; } = "60d";

    public TimeSpan MaxTtl => Duration.Parse(MaxCertTtl, "--max-cert-ttl");

    public TimeSpan DefaultTtl => Duration.Parse(DefaultCertTtl, "--default-cert-ttl");

    public TimeSpan RootTtl => Duration.Parse(RootCertTtl, "--root-cert-ttl");

    public TimeSpan RotateBefore => Duration.Parse(RootRotateBefore, "--root-rotate-before");

    /// <summary>
    /// A directory holding an intermediate CA as Istio's <c>cacerts</c> Secret does
    /// (<c>ca-cert.pem</c>, <c>ca-key.pem</c>, <c>root-cert.pem</c>, <c>cert-chain.pem</c>);
    /// null means self-signed mode.
    /// </summary>
    public string? PluginCertDir { get; set; }

    /// <summary>Trusted JWT issuers as <c>ISSUER=JWKS_FILE</c>, comma separated.</summary>
    public string? JwtIssuers { get; set; }

    /// <summary>The audience every bearer token must carry.</summary>
    public string JwtAudience { get; set; } = "istio-ca";

    /// <summary>Run the local JWT issuer (key in the data dir) and trust its tokens.</summary>
    public bool LocalJwtIssuer { get; set; } = true;
}
