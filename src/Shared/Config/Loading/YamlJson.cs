using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace ControlPlane.Shared.Config.Loading;

/// <summary>Converts a YAML node to JSON as Kubernetes does (sigs.k8s.io/yaml), scalars by the core schema.</summary>
internal static class YamlJson
{
    public static JsonNode? ToJson(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                var obj = new JsonObject();
                foreach (var (key, value) in mapping.Children)
                {
                    obj[(key as YamlScalarNode)?.Value ?? string.Empty] = ToJson(value);
                }

                return obj;
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                foreach (var item in sequence.Children)
                {
                    array.Add(ToJson(item));
                }

                return array;
            case YamlScalarNode scalar:
                return Scalar(scalar);
            default:
                return null;
        }
    }

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        switch (YamlScalars.Classify(scalar))
        {
            case ScalarKind.Null:
                return null;
            case ScalarKind.Bool:
                return JsonValue.Create(YamlScalars.ParseBool(text));
            case ScalarKind.Int when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer):
                return JsonValue.Create(integer);
            case ScalarKind.Int or ScalarKind.Float when YamlScalars.TryParseNumber(text, out var number) && double.IsFinite(number):
                return JsonValue.Create(number);
            default:
                return JsonValue.Create(text);
        }
    }
}
