using ControlPlane.Shared.Config;

namespace ControlPlane.Shared.Config.Sources.Files;

/// <summary>What goes in the next snapshot, and every current problem by file path.</summary>
internal sealed record AssembledConfig(
    IReadOnlyList<ConfigObject> Objects,
    IReadOnlyList<KubernetesObject> KubernetesObjects,
    IReadOnlyDictionary<string, IReadOnlyList<ConfigDiagnostic>> DiagnosticsByFile)
{
    public int ErrorCount => DiagnosticsByFile.Values.Sum(d => d.Count(x => x.Level == DiagnosticLevel.Error));
}
