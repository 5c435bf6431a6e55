using ControlPlane.Shared.Config;

namespace ControlPlane.Shared.Config.Sources.Files;

/// <summary>
/// What Galley serves and why: the snapshot in service and the current problems per file
/// (which may change while the snapshot does not, e.g. a file that stays broken differently).
/// Read by <c>/debug/configz</c> and the metrics.
/// </summary>
internal sealed record FileSourceStatus(
    ConfigSnapshot Snapshot,
    IReadOnlyDictionary<string, IReadOnlyList<ConfigDiagnostic>> DiagnosticsByFile,
    string? ConfigDir,
    DateTimeOffset UpdatedAt)
{
    public static FileSourceStatus Initial { get; } = new(ConfigSnapshot.Empty, new Dictionary<string, IReadOnlyList<ConfigDiagnostic>>(), null, DateTimeOffset.MinValue);

    public int ErrorCount => DiagnosticsByFile.Values.Sum(d => d.Count(x => x.Level == DiagnosticLevel.Error));
}
