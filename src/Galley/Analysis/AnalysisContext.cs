using ControlPlane.Galley.Analysis.Mesh;
using ControlPlane.Shared.Config;

namespace ControlPlane.Galley.Analysis;

/// <summary>What every analyzer reads: the input and the mesh index computed from it once.</summary>
internal sealed class AnalysisContext(AnalysisInput input)
{
    public AnalysisInput Input { get; } = input;

    public MeshIndex Mesh { get; } = MeshIndexBuilder.Build(input);

    /// <summary>The Istio objects of one kind, in input order.</summary>
    public IEnumerable<ConfigObject> OfKind(ConfigKind kind) => Input.Objects.Where(o => o.Kind == kind);

    /// <summary>The Kubernetes objects of one kind (<c>Service</c>, <c>Pod</c>, ...), in input order.</summary>
    public IEnumerable<KubernetesObject> KubernetesOfKind(string kind) => Input.KubernetesObjects.Where(k => k.Kind == kind);
}
