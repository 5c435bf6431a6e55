namespace ControlPlane.Mixer;

/// <summary>Mixer's settings, bound from its flags (section <c>Mixer</c>).</summary>
public sealed class MixerOptions
{
    public const string Section = "Mixer";

    public const string DefaultRootNamespace = "istio-system";

    /// <summary>The namespace whose AuthorizationPolicies apply mesh-wide.</summary>
    public string RootNamespace { get; set; } = DefaultRootNamespace;

    /// <summary><c>HOST:PORT</c> of Redis for shared rate-limit counters; null keeps counters in memory.</summary>
    public string? Redis { get; set; }

    /// <summary><c>open</c> (allow) or <c>closed</c> (deny) when Redis cannot be reached.</summary>
    public string RedisFailMode { get; set; } = "open";

    /// <summary>How long one Redis call may take before it counts as a failure, in milliseconds.</summary>
    public int RedisTimeoutMilliseconds { get; set; } = 500;

    /// <summary>Distinct values kept per free-form metric label (workload, service, principal...); more become <c>other</c>.</summary>
    public int MaxLabelValues { get; set; } = 1000;

    /// <summary>Distinct label combinations kept per metric family; more are folded into one overflow series.</summary>
    public int MaxSeries { get; set; } = 20000;

    /// <summary>The window the service graph reports rates and latencies over, in seconds.</summary>
    public int GraphWindowSeconds { get; set; } = 60;
}
