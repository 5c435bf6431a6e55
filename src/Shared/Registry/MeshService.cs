namespace ControlPlane.Shared.Registry;

/// <summary>
/// A service of the mesh, whatever declared it (one host of a ServiceEntry, a Kubernetes Service):
/// what Pilot builds clusters for and what Galley's analyzers resolve destination hosts against.
/// </summary>
public sealed record MeshService
{
    /// <summary>Fully qualified (<c>reviews.default.svc.cluster.local</c>), a DNS name, or a ServiceEntry wildcard.</summary>
    public required string Hostname { get; init; }

    /// <summary>The namespace of the object that declared it.</summary>
    public required string Namespace { get; init; }

    public required IReadOnlyList<ServicePort> Ports { get; init; }

    public ServiceResolution Resolution { get; init; } = ServiceResolution.Static;

    /// <summary>Whether it runs inside the mesh (ServiceEntry <c>location: MESH_INTERNAL</c>, every Kubernetes Service).</summary>
    public bool MeshInternal { get; init; } = true;

    /// <summary>Namespaces that see it; <see cref="Registry.ExportTo.All"/> for all.</summary>
    public IReadOnlySet<string> ExportTo { get; init; } = new HashSet<string>(StringComparer.Ordinal) { Registry.ExportTo.All };

    /// <summary>
    /// The labels that choose its workloads in its namespace (ServiceEntry <c>workloadSelector</c>,
    /// Service <c>spec.selector</c>); null when its instances are listed or not selected at all.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Selector { get; init; }

    /// <summary>The workloads behind it: the selected ones, or a ServiceEntry's inline endpoints.</summary>
    public IReadOnlyList<Workload> Instances { get; init; } = [];

    public ServiceOrigin Origin { get; init; } = ServiceOrigin.ServiceEntry;

    /// <summary>The declaring object as Istio names it: <c>ServiceEntry default/reviews</c>.</summary>
    public required string Reference { get; init; }

    public ServicePort? FindPort(int number) => Ports.FirstOrDefault(p => p.Number == number);

    public bool IsVisibleTo(string ns) => Registry.ExportTo.IsVisible(ExportTo, ns);
}
