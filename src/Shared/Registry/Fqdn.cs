namespace ControlPlane.Shared.Registry;

/// <summary>
/// Host names as Istio reads them: a short name (no dot) is a Kubernetes service in the referring
/// object's namespace, <c>NAME.NS.svc.CLUSTER_DOMAIN</c>; dotted names and wildcards stay as written;
/// <c>*.example.com</c> matches by suffix and <c>*</c> matches everything.
/// See https://istio.io/latest/docs/reference/config/networking/virtual-service/#VirtualService
/// </summary>
public static class Fqdn
{
    /// <summary><c>reviews</c> in <c>default</c> is <c>reviews.default.svc.cluster.local</c>.</summary>
    public static string Qualify(string host, string ns, string clusterDomain = Identity.MeshIdentityOptions.DefaultClusterDomain) =>
        host.StartsWith('*') || host.Contains('.', StringComparison.Ordinal) ? host : $"{host}.{ns}.svc.{clusterDomain}";

    /// <summary>Whether two host names overlap, either of them possibly a wildcard (case-insensitive, as DNS).</summary>
    public static bool Matches(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.OrdinalIgnoreCase) || a == "*" || b == "*")
        {
            return true;
        }

        var aWild = a.StartsWith('*');
        var bWild = b.StartsWith('*');
        if (aWild && bWild)
        {
            return a.Length >= b.Length
                ? a[1..].EndsWith(b[1..], StringComparison.OrdinalIgnoreCase)
                : b[1..].EndsWith(a[1..], StringComparison.OrdinalIgnoreCase);
        }

        if (aWild)
        {
            return b.EndsWith(a[1..], StringComparison.OrdinalIgnoreCase);
        }

        return bWild && a.EndsWith(b[1..], StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Whether the wildcard <paramref name="wildcard"/> (<c>*.example.com</c>) covers <paramref name="host"/> (itself possibly a wildcard).</summary>
    public static bool Covers(string wildcard, string host) =>
        wildcard == "*" || (wildcard.StartsWith('*') && host.TrimStart('*').EndsWith(wildcard[1..], StringComparison.OrdinalIgnoreCase));
}
