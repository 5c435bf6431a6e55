using ControlPlane.Shared.Config;

namespace ControlPlane.Shared.Config.Sources.Files;

/// <summary>What one file loaded to: the objects that parsed, and every problem met.</summary>
internal sealed record ConfigFileContent(
    IReadOnlyList<ConfigObject> Objects,
    IReadOnlyList<KubernetesObject> KubernetesObjects,
    IReadOnlyList<ConfigDiagnostic> Diagnostics)
{
    public static ConfigFileContent Failed(ConfigDiagnostic diagnostic) => new([], [], [diagnostic]);
}
