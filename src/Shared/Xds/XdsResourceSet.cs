namespace ControlPlane.Shared.Xds;

/// <summary>
/// The resources of one type URL at one version, as a provider answers for one client. The
/// version is what state-of-the-world responses carry in <c>version_info</c> and delta responses in
/// <c>system_version_info</c>.
/// </summary>
public sealed class XdsResourceSet
{
    /// <summary>
    /// Creates a set; resource names must be unique. <paramref name="changedAt"/> is when the change
    /// that made this content first reached the provider (a <see cref="TimeProvider"/> timestamp),
    /// so an observer can time a push from the change rather than from the send; null when unknown.
    /// </summary>
    public XdsResourceSet(string version, IEnumerable<XdsResource> resources, long? changedAt = null)
    {
        ChangedAt = changedAt;
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(resources);
        Version = version;
        var byName = new Dictionary<string, XdsResource>(StringComparer.Ordinal);
        foreach (var resource in resources)
        {
            if (!byName.TryAdd(resource.Name, resource))
            {
                throw new ArgumentException($"duplicate resource name '{resource.Name}' in version '{version}'", nameof(resources));
            }
        }

        Resources = byName;
    }

    /// <summary>An empty set at version "" (nothing known yet).</summary>
    public static XdsResourceSet Empty { get; } = new(string.Empty, []);

    /// <summary>The version of the whole set.</summary>
    public string Version { get; }

    /// <summary>When the change behind this content first arrived (a <see cref="TimeProvider"/> timestamp); null when unknown.</summary>
    public long? ChangedAt { get; }

    /// <summary>The resources by name.</summary>
    public IReadOnlyDictionary<string, XdsResource> Resources { get; }
}
