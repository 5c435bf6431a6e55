using ControlPlane.Pilot.Registry;
using ControlPlane.Pilot.Tests.Support;

namespace ControlPlane.Pilot.Tests.Registry;

public sealed class ServiceEntryRegistrySourceTests
{
    private const string Config = """
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata: {name: api, namespace: shop}
        spec:
          hosts: [api]
          resolution: STATIC
          ports: [{number: 80, name: http, protocol: http, targetPort: 8080}]
          workloadSelector: {labels: {app: api}}
        ---
        apiVersion: networking.istio.io/v1
        kind: WorkloadEntry
        metadata: {name: api-1, namespace: shop}
        spec: {address: 10.0.0.1, labels: {app: api, version: v1}, locality: eu/eu-1/rack2, weight: 5, serviceAccount: api}
        ---
        apiVersion: networking.istio.io/v1
        kind: WorkloadEntry
        metadata: {name: api-elsewhere, namespace: other}
        spec: {address: 10.0.0.9, labels: {app: api}}
        ---
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata: {name: external, namespace: shop}
        spec:
          hosts: [example.com]
          location: MESH_EXTERNAL
          resolution: DNS
          ports: [{number: 443, name: tls, protocol: TLS}]
        ---
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata: {name: passthrough, namespace: shop}
        spec:
          hosts: [db.internal]
          resolution: NONE
          ports: [{number: 5432, name: tcp, protocol: TCP}]
        """;

    [Fact]
    public void Build_WorkloadSelector_SelectsMatchingWorkloadsOfTheSameNamespaceOnly()
    {
        var registry = ServiceEntryRegistrySource.Build(YamlConfig.Parse(Config));

        var service = registry.FindService("api.shop.svc.cluster.local");
        Assert.NotNull(service);
        Assert.Equal("HTTP", service.Ports[0].Protocol);
        var endpoint = Assert.Single(registry.Endpoints("api.shop.svc.cluster.local", 80));
        Assert.Equal(("10.0.0.1", 8080, 5), (endpoint.Address, endpoint.Port, endpoint.Weight));
        Assert.Equal(new Locality("eu", "eu-1", "rack2"), endpoint.Locality);
        Assert.Equal("spiffe://cluster.local/ns/shop/sa/api", endpoint.Identity);
        Assert.Equal("v1", endpoint.Labels["version"]);
        Assert.Equal("WorkloadEntry shop/api-1", endpoint.Source);
    }

    [Fact]
    public void Build_DnsWithoutEndpoints_UsesTheHostAsItsEndpoint_AndNoneHasNoEndpoints()
    {
        var registry = ServiceEntryRegistrySource.Build(YamlConfig.Parse(Config));

        var external = registry.FindService("example.com");
        Assert.NotNull(external);
        Assert.False(external.MeshInternal);
        Assert.Equal(ServiceResolution.Dns, external.Resolution);
        Assert.Equal("example.com", Assert.Single(registry.Endpoints("example.com", 443)).Address);
        Assert.NotNull(registry.FindService("db.internal"));
        Assert.Empty(registry.Endpoints("db.internal"));
    }
}
