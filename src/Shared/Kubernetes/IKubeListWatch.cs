using k8s;
using k8s.Models;

namespace ControlPlane.Shared.Kubernetes;

/// <summary>How an informer lists and watches one resource type; one implementation per API call shape.</summary>
public interface IKubeListWatch<T>
    where T : IKubernetesObject<V1ObjectMeta>
{
    /// <summary>The resource as logs and metrics name it, e.g. <c>services</c> or <c>virtualservices.networking.istio.io</c>.</summary>
    string Resource { get; }

    Task<KubeList<T>> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Watches from <paramref name="resourceVersion"/> with bookmarks allowed; the sequence ends when the
    /// server closes the watch. An ERROR event arrives through <paramref name="onError"/> (a
    /// <see cref="KubernetesException"/> carrying the Status, e.g. 410 Expired).
    /// </summary>
    IAsyncEnumerable<(WatchEventType Type, T Object)> WatchAsync(string resourceVersion, int timeoutSeconds, Action<Exception> onError, CancellationToken cancellationToken);
}
