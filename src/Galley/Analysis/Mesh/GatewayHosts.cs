namespace ControlPlane.Galley.Analysis.Mesh;

/// <summary>The namespace-qualified hosts of Gateway servers (<c>ns/host</c>), as VirtualServices see them.</summary>
internal static class GatewayHosts
{
    /// <summary>
    /// The host part of a Gateway server host (<c>ns/host</c>, <c>./host</c>, <c>*/host</c> or <c>host</c>)
    /// when it is visible to VirtualServices in <paramref name="virtualServiceNamespace"/>; null otherwise.
    /// </summary>
    public static string? VisibleHost(string serverHost, string gatewayNamespace, string virtualServiceNamespace)
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
