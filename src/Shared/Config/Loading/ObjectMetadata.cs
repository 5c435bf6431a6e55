namespace ControlPlane.Shared.Config.Loading;

/// <summary>
/// metadata as read from one object: the checked <see cref="ObjectMeta"/> (null when it has errors)
/// and the name and namespace as written, for naming the object in messages either way.
/// </summary>
internal sealed record ObjectMetadata(ObjectMeta? Meta, string? Name, string Namespace)
{
    public string Reference(string kind) =>
        Namespace.Length == 0 ? $"{kind} {Name ?? "<unnamed>"}" : $"{kind} {Namespace}/{Name ?? "<unnamed>"}";
}
