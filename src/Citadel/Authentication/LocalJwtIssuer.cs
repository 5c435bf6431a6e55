using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ControlPlane.Citadel.Authentication;

/// <summary>
/// The embedded default's token issuer, so a newcomer gets a certificate without Kubernetes: an
/// ES256 key kept in <c>DATA_DIR/jwt/issuer-key.pem</c> (its JWKS beside it), trusted by the
/// CA, and read by <c>meshctl token</c> to sign Kubernetes-style service account tokens.
/// </summary>
internal sealed class LocalJwtIssuer
{
    public const string IssuerName = "meshd.local";

    private LocalJwtIssuer(ECDsa key)
    {
        var publicKey = key.ExportSubjectPublicKeyInfo();
        KeyId = Base64UrlEncoder.Encode(SHA256.HashData(publicKey)[..16]);
        SigningKey = new ECDsaSecurityKey(key) { KeyId = KeyId };
        var jwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(ImportPublic(publicKey)) { KeyId = KeyId });
        jwk.Use = "sig";
        jwk.Alg = SecurityAlgorithms.EcdsaSha256;
        PublicKey = jwk;
    }

    public string KeyId { get; }

    public SecurityKey SigningKey { get; }

    /// <summary>The public key as a JWK, for the trusted issuers and for <c>jwks.json</c>.</summary>
    public JsonWebKey PublicKey { get; }

    public static string KeyPath(string dataDir) => Path.Combine(dataDir, "jwt", "issuer-key.pem");

    /// <summary>Loads the issuer key from the data directory, creating it on first start.</summary>
    public static LocalJwtIssuer LoadOrCreate(string dataDir)
    {
        var path = KeyPath(dataDir);
        if (File.Exists(path))
        {
            return Open(dataDir);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var temporary = path + ".tmp";
        Authority.SecretFile.Write(temporary, key.ExportPkcs8PrivateKeyPem());
        File.Move(temporary, path, overwrite: true);
        var issuer = new LocalJwtIssuer(key);
        File.WriteAllText(Path.Combine(dataDir, "jwt", "jwks.json"), JsonWebKeySetWriter.Write(issuer.PublicKey));
        return issuer;
    }

    /// <summary>Opens an existing issuer key; throws <see cref="FileNotFoundException"/> naming the file if there is none.</summary>
    public static LocalJwtIssuer Open(string dataDir)
    {
        var path = KeyPath(dataDir);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no local JWT issuer key (start meshd with this --data-dir first)", path);
        }

        var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(path));
        return new LocalJwtIssuer(key);
    }

    /// <summary>A Kubernetes-style service account token for <paramref name="namespace"/>/<paramref name="serviceAccount"/>.</summary>
    public string CreateToken(string @namespace, string serviceAccount, string audience, TimeSpan ttl, DateTimeOffset now)
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = IssuerName,
            Audience = audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + ttl).UtcDateTime,
            SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.EcdsaSha256),
            Claims = new Dictionary<string, object>
            {
                ["sub"] = $"system:serviceaccount:{@namespace}:{serviceAccount}",
                ["kubernetes.io"] = new Dictionary<string, object>
                {
                    ["namespace"] = @namespace,
                    ["serviceaccount"] = new Dictionary<string, object> { ["name"] = serviceAccount },
                },
            },
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    private static ECDsa ImportPublic(byte[] subjectPublicKeyInfo)
    {
        var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(subjectPublicKeyInfo, out _);
        return key;
    }
}
