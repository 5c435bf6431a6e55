namespace ControlPlane.Mixer.Identity;

/// <summary>The namespace inside a SPIFFE id as Istio writes them: <c>spiffe://TRUST_DOMAIN/ns/NAMESPACE/sa/ACCOUNT</c>.</summary>
internal static class SpiffeId
{
    public static string? Namespace(string? principal)
    {
        if (principal is null || !principal.StartsWith("spiffe://", StringComparison.Ordinal))
        {
            return null;
        }

        var marker = principal.IndexOf("/ns/", "spiffe://".Length, StringComparison.Ordinal);
        if (marker < 0)
        {
            return null;
        }

        var start = marker + 4;
        var end = principal.IndexOf('/', start);
        var ns = end < 0 ? principal[start..] : principal[start..end];
        return ns.Length == 0 ? null : ns;
    }
}
