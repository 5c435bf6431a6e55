using ControlPlane.Shared.Config;

namespace ControlPlane.Mixer.Authorization;

/// <summary>Every compiled AuthorizationPolicy of one snapshot, by namespace; immutable.</summary>
internal sealed class AuthorizationPolicySet(
    long version, string rootNamespace, IReadOnlyDictionary<string, CompiledPolicy[]> byNamespace, IReadOnlyList<ConfigDiagnostic> diagnostics)
{
    private static readonly CompiledPolicy[] None = [];

    public static AuthorizationPolicySet Empty(string rootNamespace) => new(0, rootNamespace, new Dictionary<string, CompiledPolicy[]>(), []);

    public long Version { get; } = version;

    /// <summary>False for the empty set of start-up (version 0): no config snapshot compiled yet, so no request can be judged.</summary>
    public bool IsLoaded => Version > 0;

    public string RootNamespace { get; } = rootNamespace;

    public IReadOnlyList<ConfigDiagnostic> Diagnostics { get; } = diagnostics;

    public int Count => byNamespace.Values.Sum(p => p.Length);

    /// <summary>The mesh-wide policies (root namespace).</summary>
    public CompiledPolicy[] MeshWide => byNamespace.TryGetValue(RootNamespace, out var found) ? found : None;

    /// <summary>The policies of <paramref name="ns"/> itself; empty for the root namespace (see <see cref="MeshWide"/>).</summary>
    public CompiledPolicy[] InNamespace(string ns) => ns != RootNamespace && byNamespace.TryGetValue(ns, out var found) ? found : None;
}
