namespace ControlPlane.Galley.Analysis.Analyzers;

/// <summary>Field paths as the loader records them: map entries as <c>.key</c>, or <c>["key"]</c> when the key is not a plain word.</summary>
internal static class FieldPath
{
    public static string MapEntry(string parent, string key) =>
        key.Length > 0 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')
            ? $"{parent}.{key}"
            : $"{parent}[\"{key}\"]";
}
