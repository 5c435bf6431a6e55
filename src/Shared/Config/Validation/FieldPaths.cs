namespace ControlPlane.Shared.Config.Validation;

/// <summary>
/// How field paths name things inside an object, the way the loader records their positions:
/// map entries as <c>.key</c>, or <c>["key"]</c> when the key is not a plain word.
/// </summary>
internal static class FieldPaths
{
    /// <summary>The entry <paramref name="key"/> of the map at <paramref name="mapPath"/>: <c>spec.http[0].match[0].headers.end-user</c>.</summary>
    public static string Key(string mapPath, string key) =>
        key.Length > 0 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')
            ? string.Concat(mapPath, ".", key)
            : string.Concat(mapPath, "[\"", key, "\"]");
}
