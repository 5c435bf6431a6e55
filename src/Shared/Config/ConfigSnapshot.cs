namespace ControlPlane.Shared.Config;

/// <summary>
/// An immutable, versioned set of valid config: what Galley serves and Pilot and Mixer consume.
/// A new snapshot replaces the old one whole; nothing in it changes. It carries the kinds that
/// changed since the source's previous version, worked out where the change is known (the file
/// source from the files it re-read, a Galley subscriber from the resources it received), so no
/// consumer compares snapshots to find them.
/// </summary>
/// <param name="version">Goes up by one with each snapshot of a source; 0 is "nothing loaded yet".</param>
/// <param name="objects">The valid Istio objects.</param>
/// <param name="kubernetesObjects">The Kubernetes objects (Services, Namespaces...) beside them.</param>
/// <param name="changedKinds">
/// The kinds (Istio and Kubernetes) with an object added, removed or changed since version
/// <c>version - 1</c> of the same source; null when the source does not know, which consumers read
/// as "any kind may have changed".
/// </param>
public sealed class ConfigSnapshot(
    long version,
    IReadOnlyList<ConfigObject> objects,
    IReadOnlyList<KubernetesObject>? kubernetesObjects = null,
    IReadOnlySet<string>? changedKinds = null)
{
    public static ConfigSnapshot Empty { get; } = new(0, []);

    public long Version { get; } = version;

    public IReadOnlyList<ConfigObject> Objects { get; } = objects;

    public IReadOnlyList<KubernetesObject> KubernetesObjects { get; } = kubernetesObjects ?? [];

    /// <summary>Kinds changed since the previous version of the source; null when not known.</summary>
    public IReadOnlySet<string>? ChangedKinds { get; } = changedKinds;

    /// <summary>
    /// The kinds that changed between <paramref name="previous"/> and this snapshot: <see cref="ChangedKinds"/>
    /// when <paramref name="previous"/> is the version just before this one, else null (not known).
    /// </summary>
    public IReadOnlySet<string>? ChangedSince(ConfigSnapshot previous)
    {
        ArgumentNullException.ThrowIfNull(previous);
        return previous.Version == Version - 1 ? ChangedKinds : null;
    }

    /// <summary>The objects of one kind, e.g. <c>OfKind("VirtualService")</c>.</summary>
    public IEnumerable<ConfigObject> OfKind(string kind) => Objects.Where(o => o.Kind.Kind == kind);
}
