using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ControlPlane.Shared.Config;
using YamlDotNet.Serialization;

namespace ControlPlane.Galley.Analysis;

/// <summary>
/// Prints analysis messages the way <c>istioctl analyze</c> does: one line per message
/// (<c>Error [IST0101] (VirtualService default/reviews file.yaml:12) text</c>), or a JSON / YAML
/// list of objects with <c>code</c>, <c>documentationUrl</c>, <c>level</c>, <c>message</c>,
/// <c>origin</c> and <c>reference</c> (keys in that order, as Go sorts them).
/// </summary>
internal static class AnalysisOutput
{
    public const string DocumentationBase = "https://istio.io/latest/docs/reference/config/analysis/";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, IndentCharacter = '\t', IndentSize = 1 };

    public static string Line(ConfigDiagnostic message)
    {
        var origin = message.ObjectReference is null
            ? string.Empty
            : message.Position is { } p ? $" ({message.ObjectReference} {Reference(p)})" : $" ({message.ObjectReference})";
        return $"{message.Level} [{message.Code}]{origin} {message.Message}";
    }

    public static string Text(IEnumerable<ConfigDiagnostic> messages) => string.Join('\n', messages.Select(Line));

    public static string Json(IEnumerable<ConfigDiagnostic> messages) =>
        new JsonArray(messages.Select(m => (JsonNode)ToJson(m)).ToArray()).ToJsonString(Indented);

    public static string Yaml(IEnumerable<ConfigDiagnostic> messages)
    {
        var list = messages.Select(m => ToJson(m).ToDictionary(p => p.Key, p => p.Value!.GetValue<string>())).ToList();
        return list.Count == 0 ? "[]\n" : new SerializerBuilder().Build().Serialize(list);
    }

    /// <summary>Istio's <c>file:line</c> (no column); just the file when the line is unknown.</summary>
    public static string Reference(SourcePosition position) =>
        position.Line > 0 ? $"{position.File}:{position.Line.ToString(CultureInfo.InvariantCulture)}" : position.File;

    /// <summary>Istio's page for the code; our own codes (<c>MSH</c>) have none.</summary>
    public static string? DocumentationUrl(string? code) =>
        code is not null && code.StartsWith("IST", StringComparison.Ordinal)
            ? $"{DocumentationBase}{code.ToLowerInvariant()}/?ref=meshctl-analyze"
            : null;

    public static JsonObject ToJson(ConfigDiagnostic message)
    {
        var json = new JsonObject { ["code"] = message.Code ?? string.Empty };
        if (DocumentationUrl(message.Code) is { } url)
        {
            json["documentationUrl"] = url;
        }

        json["level"] = message.Level.ToString();
        json["message"] = message.Message;
        if (message.ObjectReference is not null)
        {
            json["origin"] = message.ObjectReference;
            if (message.Position is { } position)
            {
                json["reference"] = Reference(position);
            }
        }

        return json;
    }
}
