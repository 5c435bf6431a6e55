namespace ControlPlane.Galley.Validation;

/// <summary>How field paths name things inside an object, in one place (they must match the loader's).</summary>
internal static class FieldPaths
{
    /// <summary>The entry <paramref name="key"/> of the map at <paramref name="mapPath"/>: <c>spec.http[0].match[0].headers[end-user]</c>.</summary>
    public static string Key(string mapPath, string key) => $"{mapPath}[{key}]";
}
