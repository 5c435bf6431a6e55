namespace ControlPlane.Shared.Registry;

/// <summary>
/// Istio's <c>exportTo</c>: empty means every namespace, <c>.</c> the object's own, <c>~</c> none.
/// See https://istio.io/latest/docs/reference/config/networking/service-entry/#ServiceEntry-export_to
/// </summary>
public static class ExportTo
{
    /// <summary>The scope of an object visible to every namespace.</summary>
    public const string All = "*";

    /// <summary>Annotation carrying <c>exportTo</c> on a Kubernetes Service: <c>networking.istio.io/exportTo: ".,other"</c>.</summary>
    public const string Annotation = "networking.istio.io/exportTo";

    /// <summary>The namespaces an object declared in <paramref name="ownNamespace"/> is visible to; <see cref="All"/> for all.</summary>
    public static IReadOnlySet<string> Resolve(IEnumerable<string> exportTo, string ownNamespace)
    {
        var entries = exportTo.Select(e => e.Trim()).ToList();
        var scopes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries.Where(e => e.Length > 0 && e != "~"))
        {
            scopes.Add(entry == "." ? ownNamespace : entry);
        }

        if (scopes.Count == 0 && !entries.Contains("~"))
        {
            scopes.Add(All);
        }

        return scopes;
    }

    /// <summary>The annotation form on Kubernetes Services: comma separated.</summary>
    public static IReadOnlySet<string> FromAnnotation(string? annotation, string ownNamespace) =>
        Resolve(string.IsNullOrWhiteSpace(annotation) ? [] : annotation.Split(','), ownNamespace);

    /// <summary>
    /// The namespaces from which a referring object (a VirtualService, a DestinationRule) looks up
    /// hosts: those it is exported to, or its own namespace when it is exported everywhere or says nothing.
    /// </summary>
    public static IReadOnlyList<string> ReferrerScopes(IEnumerable<string> exportTo, string ownNamespace)
    {
        var scopes = exportTo.Select(e => e == "." ? ownNamespace : e).Where(e => e != All).ToList();
        return scopes.Count == 0 ? [ownNamespace] : scopes;
    }

    /// <summary>Whether an object exported to <paramref name="scopes"/> is visible in <paramref name="ns"/>.</summary>
    public static bool IsVisible(IReadOnlySet<string> scopes, string ns) => scopes.Contains(All) || scopes.Contains(ns);
}
