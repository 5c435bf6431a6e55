namespace ControlPlane.Shared.Identity;

/// <summary>
/// Parts of a principal as Envoy reports it, <c>spiffe://TRUST_DOMAIN/ns/NAMESPACE/sa/ACCOUNT</c>,
/// read leniently and without building a <see cref="SpiffeId"/>: a principal that is not a
/// workload id simply has no namespace. For request paths (Mixer's Check and access logs); use
/// <see cref="SpiffeId.Parse"/> where an id must be valid.
/// </summary>
public static class SpiffePrincipal
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

    /// <summary><c>NAMESPACE/ACCOUNT</c> of <c>TRUST_DOMAIN/ns/NAMESPACE/sa/ACCOUNT</c> (with or without <c>spiffe://</c>).</summary>
    public static string? ServiceAccount(string? principal)
    {
        if (principal is null)
        {
            return null;
        }

        var marker = principal.IndexOf("/ns/", StringComparison.Ordinal);
        var sa = principal.IndexOf("/sa/", StringComparison.Ordinal);
        if (marker < 0 || sa < marker)
        {
            return null;
        }

        return string.Concat(principal.AsSpan(marker + 4, sa - marker - 4), "/", principal.AsSpan(sa + 4));
    }

    /// <summary>The trust domain of a principal (with or without <c>spiffe://</c>).</summary>
    public static string? TrustDomain(string? principal)
    {
        if (principal is null)
        {
            return null;
        }

        var start = principal.StartsWith("spiffe://", StringComparison.Ordinal) ? "spiffe://".Length : 0;
        var slash = principal.IndexOf('/', start);
        return slash <= start ? null : principal[start..slash];
    }
}
