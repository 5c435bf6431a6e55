using ControlPlane.Shared.Config;

namespace ControlPlane.Galley.Analysis;

/// <summary>
/// What one analysis looks at: the Istio objects and the Kubernetes objects (Service, Pod,
/// Namespace, Deployment, Endpoints, ServiceAccount) found in the same inputs. Immutable.
/// </summary>
internal sealed record AnalysisInput(IReadOnlyList<ConfigObject> Objects, IReadOnlyList<KubernetesObject> KubernetesObjects)
{
    public static AnalysisInput From(ConfigSnapshot snapshot) => new(snapshot.Objects, snapshot.KubernetesObjects);
}
