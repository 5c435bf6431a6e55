namespace ControlPlane.Shared.Config.Loading;

/// <summary>
/// Which API groups are Kubernetes' own (accepted as <see cref="KubernetesObject"/>) and which of
/// their kinds are cluster-scoped (no namespace).
/// </summary>
internal static class KubernetesKinds
{
    private static readonly HashSet<string> ClusterScoped = new(StringComparer.Ordinal)
    {
        "Namespace", "Node", "PersistentVolume", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition",
        "StorageClass", "PriorityClass", "IngressClass", "RuntimeClass", "CSIDriver", "CSINode",
        "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration", "APIService", "CertificateSigningRequest",
    };

    /// <summary>
    /// The core group (<c>v1</c>), the unsuffixed built-in groups (<c>apps</c>, <c>batch</c>, ...)
    /// and <c>*.k8s.io</c> (<c>discovery.k8s.io</c>, <c>networking.k8s.io</c>, ...).
    /// </summary>
    public static bool IsKubernetesGroup(string group) =>
        !group.Contains('.', StringComparison.Ordinal) || group == "k8s.io" || group.EndsWith(".k8s.io", StringComparison.Ordinal);

    public static bool IsClusterScoped(string kind) => ClusterScoped.Contains(kind);
}
