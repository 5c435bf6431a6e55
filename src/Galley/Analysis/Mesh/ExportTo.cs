namespace ControlPlane.Galley.Analysis.Mesh;

/// <summary>Istio's <c>exportTo</c>: empty means every namespace, <c>.</c> the object's own, <c>~</c> none.</summary>
internal static class ExportTo
{
    public const string All = "*";

    public static IReadOnlySet<string> Resolve(IEnumerable<string> exportTo, string ownNamespace)
    {
        var scopes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in exportTo)
        {
            var trimmed = entry.Trim();
            if (trimmed.Length > 0 && trimmed != "~")
            {
                scopes.Add(trimmed == "." ? ownNamespace : trimmed);
            }
        }

        if (scopes.Count == 0 && !exportTo.Any(e => e.Trim() == "~"))
        {
            scopes.Add(All);
        }

        return scopes;
    }

    /// <summary>The annotation form on Kubernetes Services: <c>networking.istio.io/exportTo: ".,other"</c>.</summary>
    public static IReadOnlySet<string> FromAnnotation(string? annotation, string ownNamespace) =>
        Resolve(string.IsNullOrWhiteSpace(annotation) ? [] : annotation.Split(','), ownNamespace);
}
