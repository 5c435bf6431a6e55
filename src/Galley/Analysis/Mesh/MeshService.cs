namespace ControlPlane.Galley.Analysis.Mesh;

/// <summary>
/// A service the mesh knows, from a Kubernetes Service or one host of a ServiceEntry.
/// </summary>
/// <param name="Host">Fully qualified (<c>reviews.default.svc.cluster.local</c>) or a ServiceEntry wildcard.</param>
/// <param name="Namespace">The namespace of the object that declared it.</param>
/// <param name="ExportTo">Namespaces that see it; <c>*</c> for all.</param>
/// <param name="Ports">Its ports.</param>
/// <param name="Instances">
/// Label sets of its endpoints (selected workloads or inline endpoints); null when the input does
/// not tell (a Service without selector, or no workloads in the input at all).
/// </param>
/// <param name="Reference">The declaring object as Istio names it.</param>
internal sealed record MeshService(
    string Host,
    string Namespace,
    IReadOnlySet<string> ExportTo,
    IReadOnlyList<ServicePort> Ports,
    IReadOnlyList<IReadOnlyDictionary<string, string>>? Instances,
    string Reference)
{
    public bool IsVisibleTo(string ns) => ExportTo.Contains("*") || ExportTo.Contains(ns);
}
