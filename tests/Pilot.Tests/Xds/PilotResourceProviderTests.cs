using ControlPlane.Pilot.Model;
using ControlPlane.Pilot.Tests.Support;
using ControlPlane.Pilot.Xds;
using ControlPlane.Pilot.Xds.Generation;
using ControlPlane.Pilot.Xds.Push;
using ControlPlane.Shared.Xds;

namespace ControlPlane.Pilot.Tests.Xds;

public sealed class PilotResourceProviderTests
{
    private const string Cluster = "outbound|80||a.default.svc.cluster.local";

    private static readonly ProxyInfo First = new("first", ProxyKind.Grpc, "default", "10.0.0.1");
    private static readonly ProxyInfo Second = new("second", ProxyKind.Grpc, "default", "10.0.0.2");

    [Fact]
    public void Resources_BeforeTheFirstSnapshotOrForAnUnservedType_AreNotAnswered()
    {
        var provider = Provider(out _);
        Assert.Null(provider.Resources(First, XdsTypeUrls.Cluster, ResourceRequest.All));

        Apply(provider, Config("10.0.0.1", "v1"), 1);
        Assert.NotNull(provider.Resources(First, XdsTypeUrls.Cluster, ResourceRequest.All));
        Assert.Null(provider.Resources(First, XdsTypeUrls.Secret, ResourceRequest.All));
    }

    [Fact]
    public void Resources_TwoClientsAskingTheSame_ShareOneSerialisedResource()
    {
        var provider = Provider(out _);
        Apply(provider, Config("10.0.0.1", "v1"), 1);

        var first = provider.Resources(First, XdsTypeUrls.Cluster, ResourceRequest.Named(Cluster))!;
        var second = provider.Resources(Second, XdsTypeUrls.Cluster, ResourceRequest.All)!;

        Assert.Same(first.Resources[Cluster], second.Resources[Cluster]);
        Assert.Same(first.Resources[Cluster].Body, second.Resources[Cluster].Body);
    }

    [Fact]
    public void Update_OnlyAWorkloadEntryChanged_PushesEdsAlone_AndKeepsTheOtherTypesCached()
    {
        var provider = Provider(out var changes);
        var before = Apply(provider, Config("10.0.0.1", "v1"), 1);
        var cluster = provider.Resources(First, XdsTypeUrls.Cluster, ResourceRequest.All)!.Resources[Cluster];
        var endpoints = provider.Resources(First, XdsTypeUrls.ClusterLoadAssignment, ResourceRequest.All)!.Resources[Cluster];
        changes.Clear();

        Apply(provider, Config("10.0.0.2", "v1"), 2, before, "WorkloadEntry");

        Assert.Equal([XdsTypeUrls.ClusterLoadAssignment], Assert.Single(changes).TypeUrls);
        Assert.Same(cluster, provider.Resources(First, XdsTypeUrls.Cluster, ResourceRequest.All)!.Resources[Cluster]);
        Assert.NotEqual(endpoints.Version, provider.Resources(First, XdsTypeUrls.ClusterLoadAssignment, ResourceRequest.All)!.Resources[Cluster].Version);
    }

    [Fact]
    public void Update_OnlyAVirtualServiceChanged_PushesRdsAlone()
    {
        var provider = Provider(out var changes);
        var before = Apply(provider, Config("10.0.0.1", "v1"), 1);
        changes.Clear();

        Apply(provider, Config("10.0.0.1", "v2"), 2, before, "VirtualService");

        Assert.Equal([XdsTypeUrls.RouteConfiguration], Assert.Single(changes).TypeUrls);
    }

    private static PilotResourceProvider Provider(out List<XdsChange> changes)
    {
        var provider = new PilotResourceProvider([new ClusterGenerator(), new EndpointGenerator(), new ListenerGenerator(), new RouteGenerator()]);
        var seen = new List<XdsChange>();
        provider.Changed += (_, change) => seen.Add(change);
        changes = seen;
        return provider;
    }

    /// <summary>
    /// Serves <paramref name="yaml"/>; after <paramref name="previous"/>, as the edit that changed
    /// <paramref name="changedKinds"/> (what the config source reports with the snapshot), else from scratch.
    /// </summary>
    private static ControlPlane.Shared.Config.ConfigSnapshot Apply(PilotResourceProvider provider, string yaml, long version, ControlPlane.Shared.Config.ConfigSnapshot? previous = null, params string[] changedKinds)
    {
        var config = YamlConfig.Parse(yaml, version);
        IReadOnlySet<string> changed = previous is null
            ? ControlPlane.Shared.Config.ConfigKinds.All.Select(k => k.Kind).ToHashSet()
            : changedKinds.ToHashSet();
        provider.Update(MeshSnapshotBuilder.Build(provider.Snapshot, config, changed), changed);
        return config;
    }

    private static string Config(string address, string subset) => $"""
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata:
          name: a
          namespace: default
        spec:
          hosts: [a]
          resolution: STATIC
          ports:
          - number: 80
            name: grpc
            protocol: GRPC
          workloadSelector:
            labels:
              app: a
        ---
        apiVersion: networking.istio.io/v1
        kind: WorkloadEntry
        metadata:
          name: a-1
          namespace: default
        spec:
          address: {address}
          labels:
            app: a
        ---
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: a
          namespace: default
        spec:
          hosts: [a]
          http:
          - route:
            - destination:
                host: a
                subset: {subset}
        """;
}
