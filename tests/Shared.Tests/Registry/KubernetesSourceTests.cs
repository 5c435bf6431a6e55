using ControlPlane.Shared.Config.Loading;
using ControlPlane.Shared.Identity;
using ControlPlane.Shared.Registry;

namespace ControlPlane.Shared.Tests.Registry;

public sealed class KubernetesSourceTests
{
    private const string Objects = """
        apiVersion: v1
        kind: Service
        metadata:
          name: reviews
          namespace: default
          annotations: {networking.istio.io/exportTo: "."}
        spec:
          selector: {app: reviews}
          ports: [{name: http, port: 9080, targetPort: 8080}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: manual, namespace: default}
        spec:
          ports: [{name: tcp, port: 5432}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: reviews-1, namespace: default, labels: {app: reviews, version: v1}}
        spec: {serviceAccountName: bookinfo-reviews}
        status: {podIP: 10.4.0.7}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: reviews-v2, namespace: default}
        spec:
          template:
            metadata: {labels: {app: reviews, version: v2}}
        """;

    [Fact]
    public void AddTo_AServiceSelectsPodsAndPodTemplates_AndOnlyPodsWithAnAddressAreEndpoints()
    {
        var registry = Build(Objects);

        var reviews = registry.FindService("reviews.default.svc.cluster.local");
        Assert.NotNull(reviews);
        Assert.Equal(ServiceOrigin.Kubernetes, reviews.Origin);
        Assert.Equal(["default"], reviews.ExportTo);
        Assert.Equal(["v1", "v2"], reviews.Instances.Select(w => w.Labels["version"]));
        Assert.Equal(["bookinfo-reviews", "default"], reviews.Instances.Select(w => w.ServiceAccount));
        var endpoint = Assert.Single(registry.Endpoints("reviews.default.svc.cluster.local", 9080));
        Assert.Equal(("10.4.0.7", 8080, "spiffe://cluster.local/ns/default/sa/bookinfo-reviews"), (endpoint.Address, endpoint.Port, endpoint.Identity));
    }

    [Fact]
    public void AddTo_AServiceWithoutSelector_SelectsNothing()
    {
        var manual = Build(Objects).FindService("manual.default.svc.cluster.local");

        Assert.NotNull(manual);
        Assert.Null(manual.Selector);
        Assert.Empty(manual.Instances);
    }

    private static ServiceRegistry Build(string yaml)
    {
        var result = new ConfigLoader().LoadText(yaml, "input.yaml");
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return KubernetesSource.AddTo(new RegistryBuilder(new MeshIdentityOptions()), result.KubernetesObjects).Build();
    }
}
