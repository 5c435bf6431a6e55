using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ControlPlane.Shared.Registry;

/// <summary>Tolerant reads from a Kubernetes object's JSON body: a missing or mistyped field reads as absent.</summary>
public static class KubernetesFields
{
    public static JsonNode? At(JsonNode? node, params string[] path)
    {
        foreach (var name in path)
        {
            node = node is JsonObject obj && obj.TryGetPropertyValue(name, out var child) ? child : null;
        }

        return node;
    }

    public static string? String(JsonNode? node, params string[] path) =>
        At(node, path) is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    /// <summary>An integer, or a string as Kubernetes' IntOrString prints it.</summary>
    public static string? IntOrString(JsonNode? node, params string[] path) =>
        At(node, path) is JsonValue value
            ? value.GetValueKind() switch
            {
                JsonValueKind.Number => value.ToJsonString(),
                JsonValueKind.String => value.GetValue<string>(),
                _ => null,
            }
            : null;

    public static long? Number(JsonNode? node, params string[] path) =>
        IntOrString(node, path) is { } text && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    public static IReadOnlyDictionary<string, string> StringMap(JsonNode? node, params string[] path)
    {
        if (At(node, path) is not JsonObject map)
        {
            return LabelSelector.None;
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in map)
        {
            if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String)
            {
                result[key] = v.GetValue<string>();
            }
        }

        return result;
    }

    public static IEnumerable<JsonObject> Objects(JsonNode? node, params string[] path) =>
        At(node, path) is JsonArray array ? array.OfType<JsonObject>() : [];
}
