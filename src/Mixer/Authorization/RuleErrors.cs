using ControlPlane.Shared.Config;

namespace ControlPlane.Mixer.Authorization;

/// <summary>The problems found in one rule, each with its field path under the rule.</summary>
internal sealed class RuleErrors(ConfigObject obj, string rulePath)
{
    public List<ConfigDiagnostic> Diagnostics { get; } = [];

    public void Add(string relativePath, string message) =>
        Diagnostics.Add(AuthorizationPolicyCompiler.Diagnostic(obj, DiagnosticLevel.Error, $"{rulePath}.{relativePath}", message));
}
