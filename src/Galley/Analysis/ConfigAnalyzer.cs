using ControlPlane.Galley.Analysis.Analyzers;
using ControlPlane.Shared.Config;

namespace ControlPlane.Galley.Analysis;

/// <summary>
/// Runs every analyzer over one immutable input and returns their messages sorted and without
/// duplicates, minus those suppressed by <c>--suppress</c> or by a resource's own
/// <c>galley.istio.io/analyze-suppress</c> annotation (a comma-separated list of codes, or <c>*</c>).
/// </summary>
internal sealed class ConfigAnalyzer(IReadOnlyList<IAnalyzer> analyzers)
{
    public const string SuppressAnnotation = "galley.istio.io/analyze-suppress";

    /// <summary>Every analyzer this control plane has.</summary>
    public static ConfigAnalyzer Default { get; } = new(
    [
        new VirtualServiceDestinationHostAnalyzer(),
        new VirtualServiceDestinationRuleAnalyzer(),
        new VirtualServiceGatewayAnalyzer(),
        new ConflictingMeshGatewayHostsAnalyzer(),
        new DestinationRuleSubsetAnalyzer(),
        new DestinationRuleConflictAnalyzer(),
        new DestinationRuleCaCertificateAnalyzer(),
        new SidecarSelectorAnalyzer(),
        new GatewaySelectorAnalyzer(),
        new GatewayConflictAnalyzer(),
        new AuthorizationPolicyAnalyzer(),
        new ServicePortNameAnalyzer(),
        new ServiceEntryAddressesAnalyzer(),
        new ApplicationUidAnalyzer(),
    ]);

    public IReadOnlyList<IAnalyzer> Analyzers { get; } = analyzers;

    public IReadOnlyList<ConfigDiagnostic> Analyze(AnalysisInput input, IReadOnlyList<AnalysisSuppression>? suppressions = null)
    {
        var context = new AnalysisContext(input);
        var annotated = AnnotationSuppressions(input);
        var messages = new List<ConfigDiagnostic>();
        foreach (var analyzer in Analyzers)
        {
            try
            {
                messages.AddRange(analyzer.Analyze(context));
            }
#pragma warning disable CA1031 // One broken analyzer must not hide the others' findings: it is reported as IST0001.
            catch (Exception e)
#pragma warning restore CA1031
            {
                messages.Add(new ConfigDiagnostic(DiagnosticLevel.Error, $"Internal error: analyzer {analyzer.Name} failed: {e.Message}", Code: "IST0001"));
            }
        }

        return messages
            .Where(m => suppressions is null || !suppressions.Any(s => s.Suppresses(m)))
            .Where(m => !IsAnnotatedAway(m, annotated))
            .Distinct()
            .Order(DiagnosticOrder.Instance)
            .ToList();
    }

    private static Dictionary<string, string[]> AnnotationSuppressions(AnalysisInput input)
    {
        var result = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var all = input.Objects.Select(o => (o.Reference, o.Meta)).Concat(input.KubernetesObjects.Select(k => (k.Reference, k.Meta)));
        foreach (var (reference, meta) in all)
        {
            if (meta.Annotations.TryGetValue(SuppressAnnotation, out var codes))
            {
                result[reference] = codes.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            }
        }

        return result;
    }

    private static bool IsAnnotatedAway(ConfigDiagnostic message, Dictionary<string, string[]> annotated) =>
        message.ObjectReference is { } reference
        && annotated.TryGetValue(reference, out var codes)
        && codes.Any(c => c == "*" || c == message.Code);
}
