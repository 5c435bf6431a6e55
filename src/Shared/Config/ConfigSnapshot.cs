namespace ControlPlane.Shared.Config;

/// <summary>
/// An immutable, versioned set of valid config: what Galley serves and Pilot and Mixer consume.
/// A new snapshot replaces the old one whole; nothing in it changes.
/// </summary>
public sealed class ConfigSnapshot(long version, IReadOnlyList<ConfigObject> objects, IReadOnlyList<KubernetesObject>? kubernetesObjects = null)
{
    public static ConfigSnapshot Empty { get; } = new(0, []);

    public long Version { get; } = version;

    public IReadOnlyList<ConfigObject> Objects { get; } = objects;

    public IReadOnlyList<KubernetesObject> KubernetesObjects { get; } = kubernetesObjects ?? [];

    /// <summary>The objects of one kind, e.g. <c>OfKind("VirtualService")</c>.</summary>
    public IEnumerable<ConfigObject> OfKind(string kind) => Objects.Where(o => o.Kind.Kind == kind);
}
