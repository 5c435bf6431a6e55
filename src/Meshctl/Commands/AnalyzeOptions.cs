using ControlPlane.Shared.Config;

namespace ControlPlane.Meshctl.Commands;

/// <summary>The parsed command line of <c>meshctl analyze</c>.</summary>
/// <param name="Paths">Files, directories or <c>-</c>.</param>
/// <param name="Format"><c>log</c>/<c>text</c>, <c>json</c> or <c>yaml</c>.</param>
/// <param name="Suppress">Suppressions as written (<c>CODE=Kind/ns/name</c>).</param>
/// <param name="OutputThreshold">The least severe level printed.</param>
/// <param name="FailureThreshold">The least severe level that fails the run (exit 1).</param>
/// <param name="MeshConfigFile">A mesh config file the analysis assumes; Istio's defaults when null.</param>
/// <param name="Namespace">Only messages about objects in this namespace (and cluster-scoped ones); all when null.</param>
internal sealed record AnalyzeOptions(
    string[] Paths,
    string Format,
    string[] Suppress,
    DiagnosticLevel OutputThreshold,
    DiagnosticLevel FailureThreshold,
    string? MeshConfigFile = null,
    string? Namespace = null);
