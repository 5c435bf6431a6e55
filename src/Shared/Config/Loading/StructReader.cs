using Google.Protobuf.WellKnownTypes;
using YamlDotNet.RepresentationModel;

namespace ControlPlane.Shared.Config.Loading;

/// <summary>
/// Reads any YAML node as <c>google.protobuf.Value</c> / <c>Struct</c> / <c>ListValue</c>, the
/// JSON mapping's free-form types: mappings become structs, sequences lists, scalars by the core schema.
/// </summary>
internal static class StructReader
{
    public static Value ReadValue(YamlNode node, string path, ObjectErrors errors) => node switch
    {
        YamlMappingNode mapping => Value.ForStruct(ReadStruct(mapping, path, errors)),
        YamlSequenceNode sequence => Value.ForList([.. sequence.Children.Select((item, i) => ReadValue(item, FieldPaths.Index(path, i), errors))]),
        YamlScalarNode scalar => ReadScalar(scalar),
        _ => Value.ForNull(),
    };

    public static Struct ReadStruct(YamlMappingNode mapping, string path, ObjectErrors errors)
    {
        var result = new Struct();
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                errors.Add(keyNode, path, "object keys must be strings");
                continue;
            }

            result.Fields[key] = ReadValue(valueNode, FieldPaths.MapEntry(path, key), errors);
        }

        return result;
    }

    private static Value ReadScalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        return YamlScalars.Classify(scalar) switch
        {
            ScalarKind.Null => Value.ForNull(),
            ScalarKind.Bool => Value.ForBool(YamlScalars.ParseBool(text)),
            ScalarKind.Int or ScalarKind.Float when YamlScalars.TryParseNumber(text, out var number) => Value.ForNumber(number),
            _ => Value.ForString(text),
        };
    }
}
