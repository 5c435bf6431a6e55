using ControlPlane.Shared.Identity;
using ControlPlane.Shared.Registry;

namespace ControlPlane.Shared.Tests.Registry;

public sealed class ServiceRegistryTests
{
    [Fact]
    public void FindVisible_PrefersAServiceExportedToAll_ThenOneExportedToTheReferrer()
    {
        var registry = Registry(
            Service("reviews.default.svc.cluster.local", "default", ["."], "ServiceEntry default/private"),
            Service("reviews.default.svc.cluster.local", "default", [], "ServiceEntry default/public"));

        Assert.Equal("ServiceEntry default/public", registry.FindVisible("default", [], "reviews")?.Reference);
        Assert.Equal("ServiceEntry default/public", registry.FindVisible("other", [], "reviews.default.svc.cluster.local")?.Reference);
    }

    [Fact]
    public void FindVisible_AServiceExportedToItsNamespaceOnly_IsHiddenFromOthers()
    {
        var registry = Registry(Service("db.shop.svc.cluster.local", "shop", ["."], "ServiceEntry shop/db"));

        Assert.NotNull(registry.FindVisible("shop", [], "db"));
        Assert.Null(registry.FindVisible("web", [], "db.shop.svc.cluster.local"));
        Assert.NotNull(registry.FindVisible("web", ["shop"], "db.shop.svc.cluster.local"));
    }

    [Fact]
    public void FindVisible_AWildcardServiceCoversAHostItDoesNotNameExactly()
    {
        var registry = Registry(Service("*.example.com", "egress", [], "ServiceEntry egress/any"));

        Assert.Equal("ServiceEntry egress/any", registry.FindVisible("default", [], "api.example.com")?.Reference);
        Assert.Null(registry.FindVisible("default", [], "api.example.org"));
        Assert.Null(registry.FindService("api.example.com"));
    }

    [Fact]
    public void Build_ASelectorChoosesWorkloadsOfItsNamespaceFromEverySource()
    {
        var builder = new RegistryBuilder(new MeshIdentityOptions());
        builder.Add(Workload.Selectable("shop", new Dictionary<string, string> { ["app"] = "api" }, "api", "Pod shop/api-1", "10.0.0.1"));
        builder.Add(Workload.Selectable("shop", new Dictionary<string, string> { ["app"] = "web" }, "web", "Pod shop/web-1", "10.0.0.2"));
        builder.Add(Workload.Selectable("other", new Dictionary<string, string> { ["app"] = "api" }, "api", "Pod other/api-1", "10.0.0.3"));
        builder.Add(new MeshService
        {
            Hostname = "api.shop.svc.cluster.local",
            Namespace = "shop",
            Ports = [new ServicePort("http", 80, "HTTP", 8080)],
            Selector = new Dictionary<string, string> { ["app"] = "api" },
            Origin = ServiceOrigin.Kubernetes,
            Reference = "Service shop/api",
        });

        var registry = builder.Build();

        Assert.Equal(["Pod shop/api-1"], registry.FindService("api.shop.svc.cluster.local")!.Instances.Select(w => w.Reference));
        var endpoint = Assert.Single(registry.Endpoints("api.shop.svc.cluster.local", 80));
        Assert.Equal(("10.0.0.1", 8080, "spiffe://cluster.local/ns/shop/sa/api"), (endpoint.Address, endpoint.Port, endpoint.Identity));
        Assert.Equal(["Pod other/api-1", "Pod shop/api-1"], registry.Select(new Dictionary<string, string> { ["app"] = "api" }, null).Select(w => w.Reference).Order(StringComparer.Ordinal));
        Assert.True(registry.HasWorkloads);
    }

    private static ServiceRegistry Registry(params MeshService[] services) => new(services, [], []);

    private static MeshService Service(string host, string ns, string[] exportTo, string reference) => new()
    {
        Hostname = host,
        Namespace = ns,
        Ports = [new ServicePort("http", 80, "HTTP")],
        ExportTo = ExportTo.Resolve(exportTo, ns),
        Reference = reference,
    };
}
