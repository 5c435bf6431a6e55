using ControlPlane.Shared.Config;
using ControlPlane.Shared.Registry;
using Istio.Networking.V1Alpha3;

namespace ControlPlane.Galley.Analysis.Analyzers;

/// <summary>
/// IST0101: a Gateway whose selector matches no workload in any namespace (gateway selectors are
/// not namespace-scoped). Runs only when the input has workloads.
/// </summary>
internal sealed class GatewaySelectorAnalyzer : IAnalyzer
{
    public string Name => "gateway.IngressGatewayPortAnalyzer";

    public IEnumerable<ConfigDiagnostic> Analyze(AnalysisContext context)
    {
        if (!context.Mesh.HasWorkloads)
        {
            yield break;
        }

        foreach (var gateway in context.OfKind(ConfigKinds.Gateway))
        {
            var selector = gateway.SpecAs<Gateway>().Selector;
            if (context.Mesh.Selected(selector, ns: null).Any())
            {
                continue;
            }

            var firstKey = selector.Keys.Order(StringComparer.Ordinal).FirstOrDefault();
            var path = firstKey is null ? "spec.selector" : FieldPath.MapEntry("spec.selector", firstKey);
            yield return AnalysisMessages.ReferencedResourceNotFound(gateway, path, "selector", LabelSelector.Format(selector));
        }
    }
}
