using ControlPlane.Shared.Config;
using ControlPlane.Shared.Config.Loading;
using ControlPlane.Shared.Identity;
using ControlPlane.Shared.Registry;

namespace ControlPlane.Shared.Tests.Registry;

public sealed class ServiceEntrySourceTests
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
        var registry = Build(Config);

        var service = registry.FindService("api.shop.svc.cluster.local");
        Assert.NotNull(service);
        Assert.Equal("HTTP", service.Ports[0].Protocol);
        var endpoint = Assert.Single(registry.Endpoints("api.shop.svc.cluster.local", 80));
        Assert.Equal(("10.0.0.1", 8080, 5), (endpoint.Address, endpoint.Port, endpoint.Weight));
        Assert.Equal(new Locality("eu", "eu-1", "rack2"), endpoint.Locality);
        Assert.Equal("spiffe://cluster.local/ns/shop/sa/api", endpoint.Identity);
        Assert.Equal("v1", endpoint.Labels["version"]);
        Assert.Equal("WorkloadEntry shop/api-1", endpoint.Reference);
    }

    [Fact]
    public void Build_DnsWithoutEndpoints_UsesTheHostAsItsEndpoint_AndNoneHasNoEndpoints()
    {
        var registry = Build(Config);

        var external = registry.FindService("example.com");
        Assert.NotNull(external);
        Assert.False(external.MeshInternal);
        Assert.Equal(ServiceResolution.Dns, external.Resolution);
        Assert.Equal("example.com", Assert.Single(registry.Endpoints("example.com", 443)).Address);
        Assert.NotNull(registry.FindService("db.internal"));
        Assert.Empty(registry.Endpoints("db.internal"));
    }

    [Fact]
    public void Build_TrustDomainAndClusterDomain_NameIdentitiesAndShortHostsApart()
    {
        var registry = Build(Config, new MeshIdentityOptions { TrustDomain = "example.org", ClusterDomain = "corp.internal" });

        Assert.Null(registry.FindService("api.shop.svc.cluster.local"));
        var endpoint = Assert.Single(registry.Endpoints("api.shop.svc.corp.internal", 80));
        Assert.Equal("spiffe://example.org/ns/shop/sa/api", endpoint.Identity);
    }

    [Fact]
    public void Build_InlineEndpoints_AreTheServiceInstances_WithNamedPortsOverridingTheTargetPort()
    {
        var registry = Build("""
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata: {name: legacy, namespace: shop}
            spec:
              hosts: [legacy.example.com]
              resolution: STATIC
              exportTo: ["."]
              ports: [{number: 80, name: http, protocol: HTTP}]
              endpoints:
              - {address: 10.1.0.1, labels: {version: v1}, ports: {http: 8081}}
              - {address: 10.1.0.2, labels: {version: v2}}
            """);

        var service = registry.FindService("legacy.example.com");
        Assert.NotNull(service);
        Assert.Equal(["v1", "v2"], service.Instances.Select(w => w.Labels["version"]));
        Assert.Equal(["shop"], service.ExportTo);
        Assert.Equal(["10.1.0.1:8081", "10.1.0.2:80"], registry.Endpoints("legacy.example.com", 80).Select(e => $"{e.Address}:{e.Port}"));
        Assert.All(registry.Endpoints("legacy.example.com"), e => Assert.Equal("ServiceEntry shop/legacy", e.Reference));
    }

    private static ServiceRegistry Build(string yaml, MeshIdentityOptions? identity = null)
    {
        var result = new ConfigLoader().LoadText(yaml, "input.yaml");
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return ServiceEntrySource.Build(new ConfigSnapshot(1, result.Objects, result.KubernetesObjects), identity ?? new MeshIdentityOptions());
    }
}
