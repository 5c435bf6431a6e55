using System.Text.Json.Nodes;
using ControlPlane.Shared.Config;
using ControlPlane.Shared.Registry;

namespace ControlPlane.Galley.Analysis.Analyzers;

/// <summary>
/// IST0144, as Istio's <c>deployment.ApplicationUIDAnalyzer</c>: a Pod or Deployment (not of the
/// control plane) that runs as UID 1337, the sidecar proxy's, at pod level or in an application
/// container: its traffic would bypass the proxy's redirection.
/// </summary>
internal sealed class ApplicationUidAnalyzer : IAnalyzer
{
    private const long ProxyUid = 1337;

    private static readonly HashSet<string> ProxyContainers = new(["istio-proxy", "istio-operator"], StringComparer.Ordinal);

    public string Name => "deployment.ApplicationUIDAnalyzer";

    public string Description => "Checks invalid application UID (1337, reserved for the sidecar proxy)";

    public IEnumerable<ConfigDiagnostic> Analyze(AnalysisContext context)
    {
        foreach (var (kind, specPath) in new[] { ("Pod", new[] { "spec" }), ("Deployment", new[] { "spec", "template", "spec" }) })
        {
            foreach (var target in context.KubernetesOfKind(kind))
            {
                if (target.Meta.Labels.ContainsKey("istio") || target.Meta.Labels.GetValueOrDefault("release") == "istio")
                {
                    continue;
                }

                var spec = KubernetesFields.At(target.Body, specPath);
                var prefix = string.Join('.', specPath);
                foreach (var path in ProxyUidPaths(spec, prefix))
                {
                    yield return AnalysisMessages.InvalidApplicationUid(target, path);
                }
            }
        }
    }

    private static IEnumerable<string> ProxyUidPaths(JsonNode? spec, string prefix)
    {
        if (KubernetesFields.Number(spec, "securityContext", "runAsUser") == ProxyUid)
        {
            yield return $"{prefix}.securityContext.runAsUser";
        }

        var i = 0;
        foreach (var container in KubernetesFields.Objects(spec, "containers"))
        {
            if (!ProxyContainers.Contains(KubernetesFields.String(container, "name") ?? string.Empty)
                && KubernetesFields.Number(container, "securityContext", "runAsUser") == ProxyUid)
            {
                yield return $"{prefix}.containers[{i}].securityContext.runAsUser";
            }

            i++;
        }
    }
}
