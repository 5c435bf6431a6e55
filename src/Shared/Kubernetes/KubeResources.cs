using k8s;
using k8s.Models;

namespace ControlPlane.Shared.Kubernetes;

/// <summary>The list-and-watch calls for the resource types the control plane reads, across all namespaces.</summary>
public static class KubeResources
{
    public static IKubeListWatch<V1Namespace> Namespaces(IKubernetes client) => new KubeListWatch<V1Namespace, V1NamespaceList>(
        "namespaces",
        (r, ct) => client.CoreV1.ListNamespaceWithHttpMessagesAsync(allowWatchBookmarks: r.AllowWatchBookmarks, resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, watch: r.WatchFlag, cancellationToken: ct),
        l => new(l.Items.ToList(), l.Metadata.ResourceVersion));

    public static IKubeListWatch<V1Service> Services(IKubernetes client) => new KubeListWatch<V1Service, V1ServiceList>(
        "services",
        (r, ct) => client.CoreV1.ListServiceForAllNamespacesWithHttpMessagesAsync(allowWatchBookmarks: r.AllowWatchBookmarks, resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, watch: r.WatchFlag, cancellationToken: ct),
        l => new(l.Items.ToList(), l.Metadata.ResourceVersion));

    public static IKubeListWatch<V1Pod> Pods(IKubernetes client) => new KubeListWatch<V1Pod, V1PodList>(
        "pods",
        (r, ct) => client.CoreV1.ListPodForAllNamespacesWithHttpMessagesAsync(allowWatchBookmarks: r.AllowWatchBookmarks, resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, watch: r.WatchFlag, cancellationToken: ct),
        l => new(l.Items.ToList(), l.Metadata.ResourceVersion));

    public static IKubeListWatch<V1Node> Nodes(IKubernetes client) => new KubeListWatch<V1Node, V1NodeList>(
        "nodes",
        (r, ct) => client.CoreV1.ListNodeWithHttpMessagesAsync(allowWatchBookmarks: r.AllowWatchBookmarks, resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, watch: r.WatchFlag, cancellationToken: ct),
        l => new(l.Items.ToList(), l.Metadata.ResourceVersion));

    public static IKubeListWatch<V1EndpointSlice> EndpointSlices(IKubernetes client) => new KubeListWatch<V1EndpointSlice, V1EndpointSliceList>(
        "endpointslices.discovery.k8s.io",
        (r, ct) => client.DiscoveryV1.ListEndpointSliceForAllNamespacesWithHttpMessagesAsync(allowWatchBookmarks: r.AllowWatchBookmarks, resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, watch: r.WatchFlag, cancellationToken: ct),
        l => new(l.Items.ToList(), l.Metadata.ResourceVersion));

    /// <summary>A custom resource type (an Istio kind at one version, RateLimitConfig) across all namespaces.</summary>
    public static IKubeListWatch<KubeCustomObject> Custom(IKubernetes client, string group, string version, string plural) => new KubeListWatch<KubeCustomObject, KubeCustomObjectList>(
        $"{plural}.{group}",
        (r, ct) => client.CustomObjects.ListClusterCustomObjectWithHttpMessagesAsync<KubeCustomObjectList>(group, version, plural, allowWatchBookmarks: r.AllowWatchBookmarks, resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, watch: r.WatchFlag, cancellationToken: ct),
        l => new(l.Items.ToList(), l.Metadata.ResourceVersion));
}
