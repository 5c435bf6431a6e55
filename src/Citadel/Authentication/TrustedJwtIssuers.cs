using Microsoft.IdentityModel.Tokens;

namespace ControlPlane.Citadel.Authentication;

/// <summary>
/// The JWT issuers the CA trusts, each with its own keys: a token is checked only against the
/// keys of the issuer it names, so one issuer can never mint identities for another.
/// </summary>
internal sealed class TrustedJwtIssuers
{
    private readonly Dictionary<string, IReadOnlyList<SecurityKey>> _keys;

    public TrustedJwtIssuers(IReadOnlyDictionary<string, IReadOnlyList<SecurityKey>> keys)
    {
        _keys = new Dictionary<string, IReadOnlyList<SecurityKey>>(keys, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<string> Issuers => _keys.Keys;

    public IReadOnlyList<SecurityKey> KeysOf(string issuer) => _keys.GetValueOrDefault(issuer) ?? [];

    /// <summary>
    /// Parses <c>--jwt-issuers</c> (<c>ISSUER=JWKS_FILE,...</c>), reading each JWKS file, and adds
    /// the local issuer if there is one. Errors name the flag or the file.
    /// </summary>
    public static TrustedJwtIssuers Load(string? spec, LocalJwtIssuer? local)
    {
        var keys = new Dictionary<string, IReadOnlyList<SecurityKey>>(StringComparer.Ordinal);
        foreach (var entry in (spec ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = entry.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            {
                throw new Authority.CaConfigurationException($"--jwt-issuers: '{entry}' is not ISSUER=JWKS_FILE");
            }

            keys[parts[0]] = ReadJwks(parts[1]);
        }

        if (local is not null)
        {
            keys[LocalJwtIssuer.IssuerName] = [local.PublicKey];
        }

        return new TrustedJwtIssuers(keys);
    }

    private static IReadOnlyList<SecurityKey> ReadJwks(string path)
    {
        try
        {
            var set = new JsonWebKeySet(File.ReadAllText(path));
            var keys = set.GetSigningKeys();
            return keys.Count > 0 ? [.. keys] : throw new Authority.CaConfigurationException($"{path}: the JWKS holds no usable signing key");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or System.Text.Json.JsonException)
        {
            throw new Authority.CaConfigurationException($"{path}: cannot read the JWKS: {e.Message}");
        }
    }
}
