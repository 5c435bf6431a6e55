using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace ControlPlane.Citadel.Authentication;

/// <summary>Writes public JWKs as a JWKS document (RFC 7517 section 5), as a Kubernetes API server publishes it.</summary>
internal static class JsonWebKeySetWriter
{
    public static string Write(params JsonWebKey[] keys) => JsonSerializer.Serialize(new
    {
        keys = keys.Select(k => new Dictionary<string, string?>
        {
            ["kty"] = k.Kty,
            ["kid"] = k.Kid,
            ["use"] = k.Use,
            ["alg"] = k.Alg,
            ["crv"] = k.Crv,
            ["x"] = k.X,
            ["y"] = k.Y,
            ["n"] = k.N,
            ["e"] = k.E,
        }.Where(p => p.Value is not null).ToDictionary()),
    });
}
