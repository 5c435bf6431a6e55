namespace ControlPlane.Shared.Tests.Config.Loading;

public sealed class KubernetesObjectLoadingTests
{
    [Fact]
    public void Load_CoreKinds_BecomeKubernetesObjectsWithJsonBodies()
    {
        const string yaml = """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: bookinfo
              labels: {istio-injection: enabled}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: reviews, namespace: bookinfo, labels: {app: reviews}}
            spec:
              selector: {app: reviews}
              ports:
              - {port: 9080, name: http, targetPort: 9080}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: reviews-v1, namespace: bookinfo}
            spec:
              replicas: 1
              selector: {matchLabels: {app: reviews, version: v1}}
              template:
                metadata: {labels: {app: reviews, version: v1}}
                spec:
                  serviceAccountName: bookinfo-reviews
                  containers: [{name: reviews, image: "docker.io/istio/examples-bookinfo-reviews-v1:1.20.2", ports: [{containerPort: 9080}]}]
            ---
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata: {name: reviews-abc}
            addressType: IPv4
            endpoints: [{addresses: ["10.0.0.7"], conditions: {ready: true}}]
            ---
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: bookinfo-reviews, namespace: bookinfo}
            """;

        var result = LoaderAssert.Load(yaml);

        Assert.Empty(result.Diagnostics);
        Assert.Empty(result.Objects);
        Assert.Equal(
            ["Namespace bookinfo", "Service bookinfo/reviews", "Deployment bookinfo/reviews-v1", "EndpointSlice default/reviews-abc", "ServiceAccount bookinfo/bookinfo-reviews"],
            result.KubernetesObjects.Select(o => o.Reference));
        var ns = result.KubernetesObjects[0];
        Assert.Equal(string.Empty, ns.Meta.Namespace);
        Assert.Equal("enabled", ns.Meta.Labels["istio-injection"]);
        var service = result.KubernetesObjects[1];
        Assert.Equal(9080, (long)service.Body["spec"]!["ports"]![0]!["port"]!);
        Assert.Equal("http", (string)service.Body["spec"]!["ports"]![0]!["name"]!);
        Assert.Equal(1, (long)result.KubernetesObjects[2].Body["spec"]!["replicas"]!);
        Assert.True((bool)result.KubernetesObjects[3].Body["endpoints"]![0]!["conditions"]!["ready"]!);
        Assert.Equal(new(LoaderAssert.File, 7, 1), service.Position);
    }

    [Fact]
    public void Load_KubernetesObjectWithBadName_IsAnError()
    {
        const string yaml = """
            apiVersion: v1
            kind: Namespace
            metadata: {name: my.namespace}
            """;

        LoaderAssert.SingleError(yaml, 3, 18, "Namespace my.namespace", "metadata.name", "a lowercase RFC 1123 label");
    }

    [Fact]
    public void Load_ForeignGroup_IsSkippedNotAnError()
    {
        const string yaml = """
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata: {name: ingress-cert, namespace: istio-system}
            spec: {secretName: ingress-cert, anything: [goes]}
            ---
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata: {name: gw}
            """;

        var result = LoaderAssert.Load(yaml);

        Assert.Empty(result.Diagnostics);
        Assert.False(result.HasErrors);
        Assert.Single(result.Objects);
        var skipped = Assert.Single(result.Skipped);
        Assert.Equal(("cert-manager.io/v1", "Certificate", "ingress-cert", "istio-system"), (skipped.ApiVersion, skipped.Kind, skipped.Name, skipped.Namespace));
        Assert.Equal(1, skipped.Position!.Line);
    }
}
