namespace ControlPlane.Shared.Kubernetes;

/// <summary>One change an informer reports: the object after it (for a delete, as last seen) and before it.</summary>
public sealed record KubeChange<T>(KubeChangeType Type, T Object, T? Previous)
    where T : class;
