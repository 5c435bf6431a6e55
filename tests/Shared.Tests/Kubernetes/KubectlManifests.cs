namespace ControlPlane.Shared.Tests.Kubernetes;

/// <summary>Manifests for the kinds the control plane reads, each with a change kubectl apply must carry.</summary>
internal static class KubectlManifests
{
    public static readonly KubectlManifest Service = new(
        "services", "reviews",
        """
        apiVersion: v1
        kind: Service
        metadata: {name: reviews, labels: {app: reviews}}
        spec:
          selector: {app: reviews}
          ports: [{name: http, port: 9080}]
        """,
        """
        apiVersion: v1
        kind: Service
        metadata: {name: reviews, labels: {app: reviews}}
        spec:
          selector: {app: reviews}
          ports: [{name: http, port: 9080}, {name: grpc, port: 9090}]
        """,
        "{.spec.ports[*].port}", "9080", "9080 9090");

    public static readonly KubectlManifest Pod = new(
        "pods", "reviews-v1",
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: reviews-v1, labels: {app: reviews, version: v1}}
        spec:
          serviceAccountName: reviews
          containers: [{name: app, image: "example/reviews:1"}]
        """,
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: reviews-v1, labels: {app: reviews, version: v1}}
        spec:
          serviceAccountName: reviews
          containers: [{name: app, image: "example/reviews:2"}]
        """,
        "{.spec.containers[0].image}", "example/reviews:1", "example/reviews:2");

    public static readonly KubectlManifest EndpointSlice = new(
        "endpointslices.discovery.k8s.io", "reviews-abc",
        """
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata: {name: reviews-abc, labels: {kubernetes.io/service-name: reviews}}
        addressType: IPv4
        endpoints: [{addresses: [10.4.0.7], conditions: {ready: true}}]
        ports: [{name: http, port: 9080, protocol: TCP}]
        """,
        """
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata: {name: reviews-abc, labels: {kubernetes.io/service-name: reviews}}
        addressType: IPv4
        endpoints: [{addresses: [10.4.0.7], conditions: {ready: true}}, {addresses: [10.4.0.8], conditions: {ready: true}}]
        ports: [{name: http, port: 9080, protocol: TCP}]
        """,
        "{.endpoints[*].addresses[0]}", "10.4.0.7", "10.4.0.7 10.4.0.8");

    public static readonly KubectlManifest VirtualService = new(
        "virtualservices.networking.istio.io", "reviews",
        """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: reviews}
        spec:
          hosts: [reviews]
          http: [{route: [{destination: {host: reviews, subset: v1}}]}]
        """,
        """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: reviews}
        spec:
          hosts: [reviews]
          http: [{route: [{destination: {host: reviews, subset: v1}, weight: 50}, {destination: {host: reviews, subset: v3}, weight: 50}]}]
        """,
        "{.spec.http[0].route[*].destination.subset}", "v1", "v1 v3");

    public static TheoryData<KubectlManifest> All => new() { Service, Pod, EndpointSlice, VirtualService };
}
