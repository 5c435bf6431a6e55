using System.Text;
using System.Text.Json;

namespace ControlPlane.Agent.Certificates;

/// <summary>
/// The namespace and service account a Kubernetes-style token names in its <c>sub</c> claim
/// (<c>system:serviceaccount:NS:SA</c>). Read without verifying the signature: it only chooses the
/// SAN the CSR asks for; Citadel verifies the token and decides the identity.
/// </summary>
internal static class TokenSubject
{
    private const string Prefix = "system:serviceaccount:";

    public static (string Namespace, string ServiceAccount)? Read(string token)
    {
        var parts = token.Trim().Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            var payload = parts[1].Replace('-', '+').Replace('_', '/');
            payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
            using var json = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)));
            if (json.RootElement.TryGetProperty("sub", out var sub) && sub.GetString() is { } subject && subject.StartsWith(Prefix, StringComparison.Ordinal)
                && subject[Prefix.Length..].Split(':') is [var ns, var sa] && ns.Length > 0 && sa.Length > 0)
            {
                return (ns, sa);
            }
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException)
        {
            // Not a JWT we can read: the CSR then asks for no SAN and Citadel fills in the caller's.
        }

        return null;
    }
}
