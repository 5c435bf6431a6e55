namespace ControlPlane.Shared.Kubernetes;

/// <summary>What happened to an object, as an informer reports it.</summary>
public enum KubeChangeType
{
    Added,
    Modified,
    Deleted,
}
