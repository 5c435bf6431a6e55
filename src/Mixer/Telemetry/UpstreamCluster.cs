namespace ControlPlane.Mixer.Telemetry;

/// <summary>
/// An Istio cluster name split into parts: <c>outbound|9080|v2|reviews.default.svc.cluster.local</c>
/// (the reporting proxy is the client: reporter <c>source</c>) or <c>inbound|9080||host</c>
/// (the proxy is the server: reporter <c>destination</c>).
/// </summary>
internal readonly record struct UpstreamCluster(bool Inbound, string Subset, string Host)
{
    public static bool TryParse(string name, out UpstreamCluster cluster)
    {
        cluster = default;
        var parts = name.Split('|');
        if (parts.Length != 4)
        {
            return false;
        }

        var inbound = parts[0] == "inbound";
        if (!inbound && parts[0] != "outbound")
        {
            return false;
        }

        cluster = new UpstreamCluster(inbound, parts[2], parts[3]);
        return true;
    }

    /// <summary>Service name and namespace of a <c>name.namespace.svc...</c> host; the host and unknown otherwise.</summary>
    public static (string Name, string Namespace) ServiceParts(string host)
    {
        var first = host.IndexOf('.');
        if (first <= 0)
        {
            return (host, WorkloadIdentity.Unknown);
        }

        var second = host.IndexOf('.', first + 1);
        var ns = second < 0 ? host[(first + 1)..] : host[(first + 1)..second];
        return (host[..first], ns.Length == 0 ? WorkloadIdentity.Unknown : ns);
    }
}
