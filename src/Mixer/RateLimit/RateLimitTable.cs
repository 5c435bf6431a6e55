using ControlPlane.Shared.Config;

namespace ControlPlane.Mixer.RateLimit;

/// <summary>Every configured rate-limit domain, compiled from one config snapshot. Immutable.</summary>
internal sealed class RateLimitTable(long version, IReadOnlyDictionary<string, RateLimitDomain> domains, IReadOnlyList<ConfigDiagnostic> diagnostics)
{
    public static RateLimitTable Empty { get; } = new(0, new Dictionary<string, RateLimitDomain>(StringComparer.Ordinal), []);

    /// <summary>The config snapshot version this table was compiled from.</summary>
    public long Version { get; } = version;

    /// <summary>False for the empty table of start-up (version 0): no config snapshot compiled yet, so no request can be judged.</summary>
    public bool IsLoaded => Version > 0;

    public IReadOnlyDictionary<string, RateLimitDomain> Domains { get; } = domains;

    /// <summary>Problems found while compiling; objects with errors are left out whole.</summary>
    public IReadOnlyList<ConfigDiagnostic> Diagnostics { get; } = diagnostics;
}
