namespace ControlPlane.TestSupport.Kubernetes;

/// <summary>
/// A resource type the Kubernetes API double serves: its group, the versions it is served at (the
/// first is the preferred one), kind, plural, scope and whether it has a status subresource.
/// Objects are stored once per group and plural and served at every listed version, as the real
/// server does for a CRD with several served versions and no conversion webhook.
/// </summary>
public sealed record KubeResourceType(
    string Group,
    IReadOnlyList<string> Versions,
    string Kind,
    string Plural,
    bool Namespaced,
    bool HasStatus = false,
    IReadOnlyList<string>? ShortNames = null)
{
    /// <summary>Where objects of this type are kept: one bucket per group and plural.</summary>
    public string StorageKey => $"{Group}/{Plural}";

    public string Singular => Kind.ToLowerInvariant();

    /// <summary>The <c>apiVersion</c> of an object served at <paramref name="version"/>.</summary>
    public string ApiVersion(string version) => Group.Length == 0 ? version : $"{Group}/{version}";
}
