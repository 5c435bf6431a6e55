using YamlDotNet.RepresentationModel;

namespace ControlPlane.Shared.Config.Loading;

/// <summary>Describes a YAML node in error messages: <c>a list</c>, <c>the number 80</c>, <c>the string "x"</c>.</summary>
internal static class YamlNodeText
{
    public static string Describe(YamlNode node) => node switch
    {
        YamlSequenceNode => "a list",
        YamlMappingNode => "an object",
        YamlScalarNode scalar => YamlScalars.Classify(scalar) switch
        {
            ScalarKind.Null => "null",
            ScalarKind.Bool => $"the boolean {scalar.Value}",
            ScalarKind.Int or ScalarKind.Float => $"the number {scalar.Value}",
            _ => $"the string \"{Shorten(scalar.Value ?? string.Empty)}\"",
        },
        _ => "an alias",
    };

    /// <summary>The value of <paramref name="key"/> in <paramref name="mapping"/>, or null when absent.</summary>
    public static YamlNode? Get(YamlMappingNode mapping, string key)
    {
        foreach (var (k, v) in mapping.Children)
        {
            if (k is YamlScalarNode { Value: { } text } && text == key)
            {
                return v;
            }
        }

        return null;
    }

    /// <summary>The key node of <paramref name="key"/> in <paramref name="mapping"/> (where the field is written), or null.</summary>
    public static YamlNode? GetKey(YamlMappingNode mapping, string key) =>
        mapping.Children.Keys.FirstOrDefault(k => k is YamlScalarNode { Value: { } text } && text == key);

    public static bool IsNull(YamlNode node) => node is YamlScalarNode scalar && YamlScalars.Classify(scalar) == ScalarKind.Null;

    private static string Shorten(string value) => value.Length <= 60 ? value : string.Concat(value.AsSpan(0, 57), "...");
}
