using ControlPlane.Shared.Config;

namespace ControlPlane.Shared.Config.Sources.Files;

/// <summary>
/// One file as the source last read it: the objects it contributes to the snapshot (its valid
/// objects, plus, while it has errors, its last valid objects that the broken version lost) and
/// the problems of its current content.
/// </summary>
internal sealed record ConfigFileState(
    string Path,
    FileStamp Stamp,
    IReadOnlyList<ConfigObject> InService,
    IReadOnlyList<KubernetesObject> KubernetesInService,
    IReadOnlyList<ConfigDiagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Level == DiagnosticLevel.Error);
}
