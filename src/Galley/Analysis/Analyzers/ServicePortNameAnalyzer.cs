using ControlPlane.Shared.Config;
using ControlPlane.Shared.Registry;

namespace ControlPlane.Galley.Analysis.Analyzers;

/// <summary>
/// IST0118 (Info): a Kubernetes Service port whose name does not start with a protocol Istio
/// knows (<c>http</c>, <c>http-web</c>, <c>grpc</c>, ...) and has no <c>appProtocol</c>, so the
/// protocol is sniffed. Istio control-plane services are skipped, as Istio does.
/// </summary>
internal sealed class ServicePortNameAnalyzer : IAnalyzer
{
    private static readonly HashSet<string> Protocols = new(
        ["tcp", "udp", "grpc", "grpc-web", "http", "http_proxy", "http2", "https", "tls", "mongo", "redis", "mysql"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Namespaces istioctl leaves out of analysis (Kubernetes' own, and kind's storage).</summary>
    private static readonly HashSet<string> SystemNamespaces = new(["kube-system", "kube-public", "kube-node-lease", "local-path-storage"], StringComparer.Ordinal);

    public string Name => "service.PortNameAnalyzer";

    public string Description => "Checks the port names of Kubernetes Services follow Istio's naming convention";

    public IEnumerable<ConfigDiagnostic> Analyze(AnalysisContext context)
    {
        foreach (var service in context.KubernetesOfKind("Service"))
        {
            if (service.Meta.Labels.ContainsKey("istio") || service.Meta.Labels.GetValueOrDefault("release") == "istio"
                || SystemNamespaces.Contains(service.Meta.Namespace))
            {
                continue;
            }

            var externalName = KubernetesFields.String(service.Body, "spec", "type") == "ExternalName";

            var i = 0;
            foreach (var port in KubernetesFields.Objects(service.Body, "spec", "ports"))
            {
                var name = KubernetesFields.String(port, "name") ?? string.Empty;
                var named = KubernetesFields.String(port, "appProtocol") is not null
                    || string.Equals(KubernetesFields.String(port, "protocol"), "UDP", StringComparison.Ordinal)
                    || Protocols.Contains(name.Split('-')[0]);
                if (externalName && (!named || name == "tcp"))
                {
                    // As in Istio: an ExternalName service gets its own message (IST0150), "tcp" included.
                    yield return AnalysisMessages.ExternalNameServiceTypeInvalidPortName(service, $"spec.ports[{i}].port");
                }
                else if (!named)
                {
                    yield return AnalysisMessages.PortNameIsNotUnderNamingConvention(
                        service,
                        $"spec.ports[{i}].port",
                        name,
                        KubernetesFields.Number(port, "port") ?? 0,
                        KubernetesFields.IntOrString(port, "targetPort") ?? "0");
                }

                i++;
            }
        }
    }
}
