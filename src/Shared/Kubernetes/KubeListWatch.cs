using k8s;
using k8s.Autorest;
using k8s.Models;

namespace ControlPlane.Shared.Kubernetes;

/// <summary>
/// List and watch through one generated KubernetesClient call (<c>List...WithHttpMessagesAsync</c>),
/// which does both: with <c>watch</c> unset it lists, with it set it streams events.
/// </summary>
internal sealed class KubeListWatch<T, TList>(
    string resource,
    Func<KubeListWatchRequest, CancellationToken, Task<HttpOperationResponse<TList>>> call,
    Func<TList, KubeList<T>> unpack) : IKubeListWatch<T>
    where T : IKubernetesObject<V1ObjectMeta>
{
    public string Resource => resource;

    public async Task<KubeList<T>> ListAsync(CancellationToken cancellationToken)
    {
        using var response = await call(new KubeListWatchRequest(null, false, null), cancellationToken).ConfigureAwait(false);
        return unpack(response.Body);
    }

    // The generated WatchList...Async methods that replace this extension yield untyped objects for
    // custom resources; this one path reads every type, custom ones included, typed.
#pragma warning disable CS0618
    public IAsyncEnumerable<(WatchEventType Type, T Object)> WatchAsync(string resourceVersion, int timeoutSeconds, Action<Exception> onError, CancellationToken cancellationToken) =>
        call(new KubeListWatchRequest(resourceVersion, true, timeoutSeconds), cancellationToken).WatchAsync<T, TList>(onError, cancellationToken);
#pragma warning restore CS0618
}
