using ControlPlane.Shared.Config;

namespace ControlPlane.Galley.Analysis.Mesh;

/// <summary>
/// What the mesh looks like to analysis, computed once per input: namespaces, workloads, service
/// accounts and services (Kubernetes Services and ServiceEntry hosts, with their instances).
/// Immutable; built by <see cref="MeshIndexBuilder"/>.
/// </summary>
internal sealed class MeshIndex(
    IReadOnlySet<string> namespaces,
    IReadOnlyList<Workload> workloads,
    IReadOnlyDictionary<string, IReadOnlySet<string>> serviceAccounts,
    IReadOnlyList<MeshService> services,
    IReadOnlyDictionary<string, ConfigObject> gateways)
{
    private readonly ILookup<string, MeshService> _byHost = services.ToLookup(s => s.Host, StringComparer.OrdinalIgnoreCase);
    private readonly MeshService[] _wildcards = services.Where(s => s.Host.StartsWith('*')).ToArray();

    /// <summary>Namespaces that exist: Namespace objects and the namespace of every object read.</summary>
    public IReadOnlySet<string> Namespaces { get; } = namespaces;

    public IReadOnlyList<Workload> Workloads { get; } = workloads;

    /// <summary>Whether the input says anything about workloads; selector checks are skipped without it.</summary>
    public bool HasWorkloads => Workloads.Count > 0;

    /// <summary>Service accounts known per namespace (ServiceAccount objects and those workloads run as).</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> ServiceAccounts { get; } = serviceAccounts;

    public IReadOnlyList<MeshService> Services { get; } = services;

    /// <summary>Gateways by <c>namespace/name</c>.</summary>
    public IReadOnlyDictionary<string, ConfigObject> Gateways { get; } = gateways;

    /// <summary>
    /// The service a destination <paramref name="host"/> written in <paramref name="sourceNamespace"/> names,
    /// as Istio's analyzers resolve it: services exported to all namespaces, then to the namespaces
    /// the referring object is exported to (its own when it has no <c>exportTo</c>), then ServiceEntry wildcards.
    /// </summary>
    public MeshService? FindService(string sourceNamespace, IEnumerable<string> sourceExportTo, string host)
    {
        var fqdn = Hosts.ToFqdn(host, sourceNamespace);
        var scopes = sourceExportTo.Select(e => e == "." ? sourceNamespace : e).Where(e => e != ExportTo.All).ToList();
        if (scopes.Count == 0)
        {
            scopes.Add(sourceNamespace);
        }

        bool Visible(MeshService s) => s.ExportTo.Contains(ExportTo.All) || scopes.Any(s.ExportTo.Contains);

        var exact = _byHost[fqdn];
        return exact.FirstOrDefault(s => s.ExportTo.Contains(ExportTo.All))
            ?? exact.FirstOrDefault(Visible)
            ?? _wildcards.FirstOrDefault(s => Visible(s) && fqdn.TrimStart('*').EndsWith(s.Host[1..], StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Workloads in <paramref name="ns"/> (every namespace when null) that <paramref name="selector"/> selects.</summary>
    public IEnumerable<Workload> Selected(IEnumerable<KeyValuePair<string, string>> selector, string? ns) =>
        Workloads.Where(w => (ns is null || w.Namespace == ns) && Labels.Selects(selector, w.Labels));
}
