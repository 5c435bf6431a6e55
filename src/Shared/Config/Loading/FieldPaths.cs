namespace ControlPlane.Shared.Config.Loading;

/// <summary>
/// Builds field paths as validation and analysis print them: <c>spec.http[0].route[1].weight</c>
/// with JSON (lowerCamel) field names, and map entries as <c>.key</c>, or <c>["key"]</c> when the key
/// is not a plain word (<c>metadata.labels["app.kubernetes.io/name"]</c>).
/// </summary>
internal static class FieldPaths
{
    public static string Field(string parent, string name) => string.Concat(parent, ".", name);

    public static string Index(string parent, int index) => $"{parent}[{index}]";

    public static string MapEntry(string parent, string key) =>
        IsPlainWord(key) ? string.Concat(parent, ".", key) : string.Concat(parent, "[\"", key, "\"]");

    private static bool IsPlainWord(string key)
    {
        if (key.Length == 0)
        {
            return false;
        }

        foreach (var c in key)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_' && c != '-')
            {
                return false;
            }
        }

        return true;
    }
}
