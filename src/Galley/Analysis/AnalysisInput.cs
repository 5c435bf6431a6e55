using ControlPlane.Shared.Config;
using ControlPlane.Shared.Config.Loading;

namespace ControlPlane.Galley.Analysis;

/// <summary>
/// What one analysis looks at: the Istio objects and the Kubernetes objects (Service, Pod,
/// Namespace, Deployment, Endpoints, ServiceAccount) found in the same inputs. Immutable.
/// </summary>
internal sealed record AnalysisInput(IReadOnlyList<ConfigObject> Objects, IReadOnlyList<KubernetesObject> KubernetesObjects)
{
    /// <summary>The mesh config the analysis assumes (<c>--meshConfigFile</c>); Istio's defaults when none is given.</summary>
    public AnalysisMeshConfig MeshConfig { get; init; } = AnalysisMeshConfig.Default;

    public static AnalysisInput From(ConfigSnapshot snapshot) => new(snapshot.Objects, snapshot.KubernetesObjects);

    /// <summary>
    /// The objects of several loads together. As with <c>kubectl apply</c> of the files in turn, a
    /// later object with the same kind, namespace and name replaces the earlier one (in its place).
    /// </summary>
    public static AnalysisInput FromLoads(IEnumerable<ConfigLoadResult> loads)
    {
        var objects = new List<ConfigObject>();
        var kubernetes = new List<KubernetesObject>();
        var objectIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var kubernetesIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var load in loads)
        {
            foreach (var o in load.Objects)
            {
                Put(objects, objectIndex, o.Reference, o);
            }

            foreach (var k in load.KubernetesObjects)
            {
                Put(kubernetes, kubernetesIndex, $"{k.ApiVersion} {k.Reference}", k);
            }
        }

        return new AnalysisInput(objects, kubernetes);
    }

    private static void Put<T>(List<T> list, Dictionary<string, int> index, string key, T item)
    {
        if (index.TryGetValue(key, out var at))
        {
            list[at] = item;
        }
        else
        {
            index[key] = list.Count;
            list.Add(item);
        }
    }
}
