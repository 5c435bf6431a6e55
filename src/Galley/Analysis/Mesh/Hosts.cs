namespace ControlPlane.Galley.Analysis.Mesh;

/// <summary>
/// Host name rules as Istio applies them: a short name (no dot) is a Kubernetes service in the
/// referring object's namespace, and <c>*.example.com</c> wildcards match by suffix.
/// </summary>
internal static class Hosts
{
    public const string ClusterDomain = "svc.cluster.local";

    /// <summary><c>reviews</c> in <c>default</c> is <c>reviews.default.svc.cluster.local</c>; dotted names and wildcards stay as written.</summary>
    public static string ToFqdn(string host, string ns) =>
        host.StartsWith('*') || host.Contains('.', StringComparison.Ordinal) ? host : $"{host}.{ns}.{ClusterDomain}";

    /// <summary>Whether two host names overlap (either may be a wildcard).</summary>
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

    /// <summary>
    /// The host part of a Gateway server host (<c>ns/host</c>, <c>./host</c>, <c>*/host</c> or <c>host</c>)
    /// when it is visible to VirtualServices in <paramref name="virtualServiceNamespace"/>; null otherwise.
    /// </summary>
    public static string? GatewayHostFor(string serverHost, string gatewayNamespace, string virtualServiceNamespace)
    {
        var slash = serverHost.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return serverHost;
        }

        var ns = serverHost[..slash];
        var host = serverHost[(slash + 1)..];
        if (ns == ".")
        {
            ns = gatewayNamespace;
        }

        return ns == "*" || ns == virtualServiceNamespace ? host : null;
    }
}
