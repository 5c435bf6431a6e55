using ControlPlane.Shared.Config;
using ControlPlane.Shared.Registry;
using Istio.Networking.V1Alpha3;

namespace ControlPlane.Galley.Analysis.Analyzers;

/// <summary>
/// IST0109: two VirtualServices bound to the mesh gateway (sidecars) claim the same host for the
/// same namespaces. Istio merges VirtualServices on a named gateway but not on sidecars, where
/// which one wins is undefined; so, as in Istio, only the mesh gateway is checked.
/// </summary>
internal sealed class ConflictingMeshGatewayHostsAnalyzer : IAnalyzer
{
    private const string MeshGateway = "mesh";

    public string Name => "virtualservice.ConflictingMeshGatewayHostsAnalyzer";

    public string Description => "Checks if multiple virtual services associated with the mesh gateway have conflicting hosts";

    public IEnumerable<ConfigDiagnostic> Analyze(AnalysisContext context)
    {
        // scope ("*" or a namespace) + "/" + FQDN -> the VirtualServices claiming it, in input order.
        var claims = new Dictionary<string, List<ConfigObject>>(StringComparer.Ordinal);
        foreach (var vs in context.OfKind(ConfigKinds.VirtualService))
        {
            var spec = vs.SpecAs<VirtualService>();
            if (spec.Gateways.Count > 0 && !spec.Gateways.Contains(MeshGateway))
            {
                continue;
            }

            foreach (var scope in ExportTo.Resolve(spec.ExportTo, vs.Meta.Namespace).Order(StringComparer.Ordinal))
            {
                foreach (var host in spec.Hosts.Distinct(StringComparer.OrdinalIgnoreCase))
                {
                    var key = $"{scope}/{Fqdn.Qualify(host, vs.Meta.Namespace)}";
                    if (!claims.TryGetValue(key, out var list))
                    {
                        claims[key] = list = [];
                    }

                    if (!list.Contains(vs))
                    {
                        list.Add(vs);
                    }
                }
            }
        }

        var reported = new HashSet<ConfigObject>();
        foreach (var (scopedHost, claimants) in claims.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var (scope, host) = Split(scopedHost);
            var all = new List<ConfigObject>(claimants);
            if (scope != ExportTo.All)
            {
                // A host exported everywhere also reaches this namespace.
                all.AddRange(claims.Where(c => Split(c.Key).Scope == ExportTo.All && Fqdn.Matches(host, Split(c.Key).Host))
                    .SelectMany(c => c.Value).Where(v => !all.Contains(v)));
            }

            if (all.Count < 2)
            {
                continue;
            }

            var names = string.Join(',', all.Select(v => v.Meta.Key).Order(StringComparer.Ordinal));
            foreach (var vs in all.Where(reported.Add))
            {
                yield return AnalysisMessages.ConflictingMeshGatewayVirtualServiceHosts(vs, names, scopedHost);
            }
        }
    }

    private static (string Scope, string Host) Split(string scopedHost)
    {
        var slash = scopedHost.IndexOf('/', StringComparison.Ordinal);
        return (scopedHost[..slash], scopedHost[(slash + 1)..]);
    }
}
