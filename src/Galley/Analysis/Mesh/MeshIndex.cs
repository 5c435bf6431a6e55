using ControlPlane.Shared.Config;
using ControlPlane.Shared.Registry;

namespace ControlPlane.Galley.Analysis.Mesh;

/// <summary>
/// What the mesh looks like to analysis, computed once per input: the shared
/// <see cref="ServiceRegistry"/> (the very model Pilot serves from) with what only analysis asks:
/// namespaces, service accounts, gateways, and whether an input says enough to judge instances.
/// Immutable; built by <see cref="MeshIndexBuilder"/>.
/// </summary>
internal sealed class MeshIndex(
    ServiceRegistry registry,
    IReadOnlySet<string> namespaces,
    IReadOnlyDictionary<string, IReadOnlySet<string>> serviceAccounts,
    IReadOnlyDictionary<string, ConfigObject> gateways)
{
    private static readonly IReadOnlyList<IReadOnlyDictionary<string, string>> HostsOnly = [LabelSelector.None];

    public ServiceRegistry Registry { get; } = registry;

    /// <summary>Namespaces that exist: Namespace objects and the namespace of every object read.</summary>
    public IReadOnlySet<string> Namespaces { get; } = namespaces;

    public IReadOnlyList<Workload> Workloads => Registry.Workloads;

    /// <summary>Whether the input says anything about workloads; selector checks are skipped without it.</summary>
    public bool HasWorkloads => Registry.HasWorkloads;

    /// <summary>Service accounts known per namespace (ServiceAccount objects and those workloads run as).</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> ServiceAccounts { get; } = serviceAccounts;

    /// <summary>Every declared service: Kubernetes Services and ServiceEntry hosts.</summary>
    public IReadOnlyList<MeshService> Services => Registry.Declared;

    /// <summary>Gateways by <c>namespace/name</c>.</summary>
    public IReadOnlyDictionary<string, ConfigObject> Gateways { get; } = gateways;

    /// <summary>The service a destination host written by an object in <paramref name="sourceNamespace"/> names (<see cref="ServiceRegistry.FindVisible"/>).</summary>
    public MeshService? FindService(string sourceNamespace, IEnumerable<string> sourceExportTo, string host) =>
        Registry.FindVisible(sourceNamespace, sourceExportTo, host);

    /// <summary>Workloads in <paramref name="ns"/> (every namespace when null) that <paramref name="selector"/> selects.</summary>
    public IEnumerable<Workload> Selected(IEnumerable<KeyValuePair<string, string>> selector, string? ns) => Registry.Select(selector, ns);

    /// <summary>
    /// The label sets of a service's instances, or null when the input does not tell: a selector
    /// with no workloads in the input at all, or a Kubernetes Service without a selector (its
    /// endpoints are kept by hand). A ServiceEntry with neither selector nor endpoints stands for its
    /// hosts themselves, one instance carrying no labels.
    /// </summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>>? Instances(MeshService service) => service switch
    {
        { Selector: not null } => HasWorkloads ? service.Instances.Select(w => w.Labels).ToList() : null,
        { Origin: ServiceOrigin.Kubernetes } => null,
        { Instances.Count: 0 } => HostsOnly,
        _ => service.Instances.Select(w => w.Labels).ToList(),
    };
}
