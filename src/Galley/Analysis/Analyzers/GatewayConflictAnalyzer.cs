using ControlPlane.Galley.Analysis.Mesh;
using ControlPlane.Shared.Config;
using ControlPlane.Shared.Registry;
using Istio.Networking.V1Alpha3;

namespace ControlPlane.Galley.Analysis.Analyzers;

/// <summary>
/// IST0145: two Gateways for the same gateway workloads (the same selector, or selectors that
/// pick a common workload) each have a server on the same port, with the same bind address,
/// claiming the same host: the proxy cannot tell which one applies.
/// </summary>
internal sealed class GatewayConflictAnalyzer : IAnalyzer
{
    public string Name => "gateway.ConflictingGatewayAnalyzer";

    public string Description => "Checks for Gateways on the same workloads that claim the same port and host";

    public IEnumerable<ConfigDiagnostic> Analyze(AnalysisContext context)
    {
        var gateways = context.OfKind(ConfigKinds.Gateway).Select(o => (Object: o, Spec: o.SpecAs<Gateway>())).ToList();
        foreach (var (gateway, spec) in gateways)
        {
            var others = gateways.Where(g => g.Object != gateway && SameWorkloads(context.Mesh, spec.Selector, g.Spec.Selector)).ToList();
            for (var i = 0; i < spec.Servers.Count; i++)
            {
                var server = spec.Servers[i];
                var port = server.Port?.Number ?? 0;
                var conflicting = others
                    .Where(g => g.Spec.Servers.Any(s => (s.Port?.Number ?? 0) == port && s.Bind == server.Bind
                        && s.Hosts.Any(h => server.Hosts.Contains(h, StringComparer.OrdinalIgnoreCase))))
                    .Select(g => g.Object.Meta.Key)
                    .Order(StringComparer.Ordinal)
                    .ToList();
                if (conflicting.Count > 0)
                {
                    yield return AnalysisMessages.ConflictingGateways(
                        gateway, $"spec.servers[{i}]", string.Join(',', conflicting), LabelSelector.Format(spec.Selector), port, server.Hosts);
                }
            }
        }
    }

    private static bool SameWorkloads(MeshIndex mesh, IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        LabelSelector.Format(a) == LabelSelector.Format(b)
        || mesh.Workloads.Any(w => LabelSelector.Selects(a, w.Labels) && LabelSelector.Selects(b, w.Labels));
}
