using ControlPlane.Shared.Config;

namespace ControlPlane.Galley.Analysis;

/// <summary>
/// One cross-resource check. Pure: reads the context, returns its messages (each with a stable
/// code, a level, the resource and the position of the offending field), never throws for bad input.
/// </summary>
internal interface IAnalyzer
{
    /// <summary>Istio-style name, e.g. <c>virtualservice.DestinationRuleAnalyzer</c>.</summary>
    string Name { get; }

    /// <summary>One line on what it checks, for <c>meshctl analyze --list-analyzers</c>.</summary>
    string Description { get; }

    IEnumerable<ConfigDiagnostic> Analyze(AnalysisContext context);
}
