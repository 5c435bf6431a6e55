namespace ControlPlane.Pilot.Model;

/// <summary>
/// A client as generation sees it, parsed from its xDS node: Istio node ids look like
/// <c>sidecar~10.1.1.1~pod.namespace~namespace.svc.cluster.local</c>; proxyless gRPC clients set
/// node metadata <c>GENERATOR: grpc</c>.
/// </summary>
internal sealed record ProxyInfo(string Id, ProxyKind Kind, string Namespace, string IpAddress)
{
    public static ProxyInfo Parse(string id, IReadOnlyDictionary<string, string> metadata)
    {
        var parts = id.Split('~');
        var ip = parts.Length == 4 ? parts[1] : string.Empty;
        var ns = parts.Length == 4 && parts[2].Contains('.', StringComparison.Ordinal) ? parts[2][(parts[2].LastIndexOf('.') + 1)..] : string.Empty;
        if (metadata.TryGetValue("NAMESPACE", out var fromMetadata) && fromMetadata.Length > 0)
        {
            ns = fromMetadata;
        }

        var kind = metadata.TryGetValue("GENERATOR", out var generator) && generator == "grpc" ? ProxyKind.Grpc : ProxyKind.Envoy;
        return new ProxyInfo(id, kind, ns.Length > 0 ? ns : "default", ip);
    }
}
