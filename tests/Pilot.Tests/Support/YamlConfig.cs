using System.Globalization;
using System.Text.Json.Nodes;
using ControlPlane.Shared.Config;
using Google.Protobuf;
using YamlDotNet.RepresentationModel;

namespace ControlPlane.Pilot.Tests.Support;

/// <summary>
/// Test input: multi-document Istio YAML to a <see cref="ConfigSnapshot"/>, through the proto JSON
/// mapping. Deliberately small (no positions, no validation): the real loader is Shared's.
/// </summary>
internal static class YamlConfig
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(false));

    public static ConfigSnapshot Parse(string yaml, long version = 1)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var objects = new List<ConfigObject>();
        foreach (var document in stream.Documents)
        {
            if (document.RootNode is not YamlMappingNode root || ToJson(root) is not JsonObject json)
            {
                continue;
            }

            var apiVersion = (string)json["apiVersion"]!;
            var kindName = (string)json["kind"]!;
            if (!ConfigKinds.TryFind(apiVersion, kindName, out var kind))
            {
                throw new InvalidOperationException($"unknown kind {apiVersion}/{kindName}");
            }

            var metadata = json["metadata"]!.AsObject();
            var meta = ObjectMeta.Create((string)metadata["name"]!, (string?)metadata["namespace"]);
            var spec = Parser.Parse(json["spec"]?.ToJsonString() ?? "{}", kind.Descriptor);
            objects.Add(new ConfigObject(kind, apiVersion, meta, spec));
        }

        return new ConfigSnapshot(version, objects);
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv => KeyValuePair.Create(((YamlScalarNode)kv.Key).Value!, ToJson(kv.Value)))),
        YamlSequenceNode list => new JsonArray(list.Children.Select(ToJson).ToArray()),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } scalar => Plain(scalar.Value),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => null,
    };

    private static JsonNode? Plain(string? value) => value switch
    {
        null or "null" or "~" => null,
        "true" => JsonValue.Create(true),
        "false" => JsonValue.Create(false),
        _ when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
        _ => JsonValue.Create(value),
    };
}
