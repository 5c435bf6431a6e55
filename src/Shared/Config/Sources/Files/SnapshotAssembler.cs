using ControlPlane.Shared.Config.Sources.Files;
using ControlPlane.Shared.Config;

namespace ControlPlane.Shared.Config.Sources.Files;

/// <summary>
/// Merges what each file has in service into one set of objects, files in ordinal path order.
/// When two files (or two documents of one file) define the same kind, namespace and name, the
/// first wins and the later one is reported as an error on its own file: a stable choice, so a
/// reload never flips which definition is served.
/// </summary>
internal static class SnapshotAssembler
{
    public static AssembledConfig Assemble(IEnumerable<ConfigFileState> files)
    {
        var objects = new List<ConfigObject>();
        var kubernetes = new List<KubernetesObject>();
        var seen = new Dictionary<(string, string, string), SourcePosition?>();
        var seenKubernetes = new Dictionary<(string, string, string), SourcePosition?>();
        var diagnostics = new SortedDictionary<string, IReadOnlyList<ConfigDiagnostic>>(StringComparer.Ordinal);
        foreach (var file in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            var fileDiagnostics = new List<ConfigDiagnostic>(file.Diagnostics);
            foreach (var config in file.InService)
            {
                if (seen.TryAdd(ObjectKeys.Of(config), config.Position))
                {
                    objects.Add(config);
                }
                else
                {
                    fileDiagnostics.Add(Duplicate(config.Reference, config.Position, seen[ObjectKeys.Of(config)]));
                }
            }

            foreach (var config in file.KubernetesInService)
            {
                if (seenKubernetes.TryAdd(ObjectKeys.Of(config), config.Position))
                {
                    kubernetes.Add(config);
                }
                else
                {
                    fileDiagnostics.Add(Duplicate(config.Reference, config.Position, seenKubernetes[ObjectKeys.Of(config)]));
                }
            }

            if (fileDiagnostics.Count > 0)
            {
                diagnostics[file.Path] = fileDiagnostics;
            }
        }

        return new AssembledConfig(objects, kubernetes, diagnostics);
    }

    private static ConfigDiagnostic Duplicate(string reference, SourcePosition? position, SourcePosition? first) =>
        new(
            DiagnosticLevel.Error,
            $"{reference} is already defined at {first?.ToString() ?? "an earlier file"}; the first definition (by file path) is served and this one is ignored",
            position,
            reference);
}
