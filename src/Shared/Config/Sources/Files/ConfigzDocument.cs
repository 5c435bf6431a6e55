using System.Text.Json.Nodes;
using ControlPlane.Shared.Config.Sources.Files;
using ControlPlane.Shared.Config;

namespace ControlPlane.Shared.Config.Sources.Files;

/// <summary>
/// The <c>/debug/configz</c> view: the snapshot version, the objects in service by kind with the
/// file each came from, and the current problems per file.
/// </summary>
internal static class ConfigzDocument
{
    public static JsonObject Build(FileSourceStatus status)
    {
        var snapshot = status.Snapshot;
        var objects = new JsonObject();
        foreach (var group in snapshot.Objects.GroupBy(o => o.Kind.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            objects[group.Key] = new JsonArray([.. group.Select(o => Entry(o.Meta, o.Position))]);
        }

        var kubernetes = new JsonObject();
        foreach (var group in snapshot.KubernetesObjects.GroupBy(o => o.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            kubernetes[group.Key] = new JsonArray([.. group.Select(o => Entry(o.Meta, o.Position))]);
        }

        var problems = new JsonObject();
        foreach (var (file, diagnostics) in status.DiagnosticsByFile)
        {
            problems[file] = new JsonArray([.. diagnostics.Select(Problem)]);
        }

        return new JsonObject
        {
            ["version"] = snapshot.Version,
            ["configDir"] = status.ConfigDir,
            ["updatedAt"] = status.UpdatedAt == DateTimeOffset.MinValue ? null : status.UpdatedAt,
            ["objectCount"] = snapshot.Objects.Count,
            ["errorCount"] = status.ErrorCount,
            ["objects"] = objects,
            ["kubernetesObjects"] = kubernetes,
            ["errors"] = problems,
        };
    }

    private static JsonObject Entry(ObjectMeta meta, SourcePosition? position) => new()
    {
        ["name"] = meta.Key,
        ["file"] = position?.File,
        ["line"] = position?.Line,
    };

    private static JsonObject Problem(ConfigDiagnostic diagnostic) => new()
    {
        ["level"] = diagnostic.Level.ToString(),
        ["file"] = diagnostic.Position?.File,
        ["line"] = diagnostic.Position?.Line,
        ["column"] = diagnostic.Position?.Column,
        ["object"] = diagnostic.ObjectReference,
        ["field"] = diagnostic.FieldPath,
        ["message"] = diagnostic.Message,
        ["text"] = diagnostic.ToString(),
    };
}
