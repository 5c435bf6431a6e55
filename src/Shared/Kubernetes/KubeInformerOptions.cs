namespace ControlPlane.Shared.Kubernetes;

/// <summary>An informer's timings: the backoff after a failure and how long each watch is asked to last.</summary>
public sealed class KubeInformerOptions
{
    /// <summary>The first retry's delay; each further failure doubles it, up to <see cref="MaxBackoff"/>, with jitter.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Each watch asks for a timeout between this and twice this, so that replicas' watches do not end together.</summary>
    public TimeSpan WatchTimeout { get; set; } = TimeSpan.FromMinutes(5);
}
