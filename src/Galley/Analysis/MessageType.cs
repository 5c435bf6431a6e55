using ControlPlane.Shared.Config;

namespace ControlPlane.Galley.Analysis;

/// <summary>
/// One kind of analysis message, as Istio's registry (<c>pkg/config/analysis/msg/messages.yaml</c>)
/// defines it: a stable code, a name and a level. The text is built by <see cref="AnalysisMessages"/>.
/// </summary>
internal sealed record MessageType(string Code, string Name, DiagnosticLevel Level)
{
    /// <summary>A message about <paramref name="target"/>, positioned at <paramref name="fieldPath"/> (or the object).</summary>
    public ConfigDiagnostic On(ConfigObject target, string? fieldPath, string message) =>
        new(Level, message, fieldPath is null ? target.Position : target.PositionOf(fieldPath), target.Reference, fieldPath, Code);

    /// <summary>A message about a Kubernetes object (which carries only its own position).</summary>
    public ConfigDiagnostic On(KubernetesObject target, string? fieldPath, string message) =>
        new(Level, message, target.Position, target.Reference, fieldPath, Code);
}
