namespace ControlPlane.Pilot.Xds.Generation;

/// <summary>Which resources of a type to build: every one (wildcard) or the named ones that exist.</summary>
internal sealed record ResourceRequest(bool IsWildcard, IReadOnlySet<string> Names)
{
    public static ResourceRequest All { get; } = new(true, new HashSet<string>());

    public static ResourceRequest Named(params string[] names) => new(false, names.ToHashSet(StringComparer.Ordinal));
}
