using System.Text.Json.Nodes;
using ControlPlane.Shared.Config;
using ControlPlane.Shared.Registry;
using Istio.Networking.V1Alpha3;

namespace ControlPlane.Galley.Analysis.Analyzers;

/// <summary>
/// Istio's <c>gateway.IngressGatewayPortAnalyzer</c>: IST0101 when a Gateway's selector matches no
/// workload in any namespace (gateway selectors are not namespace-scoped); otherwise IST0162 for a
/// server port that no TCP port (or target port) of a Service selecting those workloads offers.
/// Unlike Istio, runs only when the input has workloads, and IST0162 only when some Service selects
/// them (without one the input does not say which ports are exposed): config-only inputs are not flooded.
/// </summary>
internal sealed class GatewaySelectorAnalyzer : IAnalyzer
{
    public string Name => "gateway.IngressGatewayPortAnalyzer";

    public string Description => "Checks a Gateway's selector matches workloads and its ports are on their Service";

    public IEnumerable<ConfigDiagnostic> Analyze(AnalysisContext context)
    {
        if (!context.Mesh.HasWorkloads)
        {
            yield break;
        }

        var services = context.KubernetesOfKind("Service").ToList();
        foreach (var gateway in context.OfKind(ConfigKinds.Gateway))
        {
            var spec = gateway.SpecAs<Gateway>();
            var selector = spec.Selector;
            var firstKey = selector.Keys.Order(StringComparer.Ordinal).FirstOrDefault();
            var path = firstKey is null ? "spec.selector" : FieldPath.MapEntry("spec.selector", firstKey);
            var workloads = context.Mesh.Selected(selector, ns: null).ToList();
            if (workloads.Count == 0)
            {
                yield return AnalysisMessages.ReferencedResourceNotFound(gateway, path, "selector", LabelSelector.Format(selector));
                continue;
            }

            if (OfferedPorts(workloads, services) is not { } ports)
            {
                continue;
            }

            foreach (var server in spec.Servers)
            {
                if (server.Port is { } port && !ports.Contains(port.Number))
                {
                    yield return AnalysisMessages.GatewayPortNotDefinedOnService(gateway, path, port.Number, LabelSelector.Format(selector));
                }
            }
        }
    }

    /// <summary>Ports and numeric target ports of the TCP ports of Services selecting the workloads; null when no Service does.</summary>
    private static HashSet<uint>? OfferedPorts(List<Workload> workloads, List<KubernetesObject> services)
    {
        var ports = new HashSet<uint>();
        var selected = false;
        foreach (var service in services)
        {
            var selector = KubernetesFields.StringMap(service.Body, "spec", "selector");
            if (selector.Count == 0 || !workloads.Any(w => w.Namespace == service.Meta.Namespace && LabelSelector.Selects(selector, w.Labels)))
            {
                continue;
            }

            selected = true;
            foreach (var port in KubernetesFields.Objects(service.Body, "spec", "ports"))
            {
                if ((KubernetesFields.String(port, "protocol") ?? "TCP") != "TCP" || KubernetesFields.Number(port, "port") is not { } number)
                {
                    continue;
                }

                ports.Add((uint)number);
                if (port["targetPort"] is JsonValue target && target.TryGetValue<long>(out var targetNumber) && targetNumber > 0)
                {
                    ports.Add((uint)targetNumber);
                }
            }
        }

        return selected ? ports : null;
    }
}
