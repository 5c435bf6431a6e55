using ControlPlane.Galley.Tests.Support;
using ControlPlane.Shared.Config;
using ControlPlane.Shared.Config.Distribution;
using ControlPlane.Shared.Hosting;
using ControlPlane.Shared.Xds;
using ControlPlane.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace ControlPlane.Galley.Tests.Distribution;

/// <summary>Galley serving its snapshots over xDS to the shared subscriber, on a real Kestrel host.</summary>
public sealed class DistributionTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Theory]
    [InlineData(XdsProtocol.Delta)]
    [InlineData(XdsProtocol.StateOfTheWorld)]
    public async Task Subscribe_ReceivesTheSnapshotThenUpdatesAndRemovals(XdsProtocol protocol)
    {
        var dir = TempDirectory.Create("distribution");
        var a = Path.Combine(dir, "a.yaml");
        var b = Path.Combine(dir, "b.yaml");
        await File.WriteAllTextAsync(a, ConfigYaml.Documents(ConfigYaml.VirtualService("reviews", "reviews"), ConfigYaml.Service("reviews")));
        await File.WriteAllTextAsync(b, ConfigYaml.DestinationRule("ratings", "ratings", ns: "prod"));
        await using var host = await TestHost.StartAsync(GalleyHost.Definition, "--config-dir", dir);
        using var probe = new GalleyProbe(host);
        await using var subscriber = Subscriber(host, protocol);
        subscriber.Start();

        using var synced = new CancellationTokenSource(Wait);
        await subscriber.WaitUntilSyncedAsync(synced.Token);
        await Eventually.TrueAsync(() => subscriber.Current.Objects.Count == 2, Wait, "both Istio objects");
        var reviews = subscriber.Current.OfKind("VirtualService").Single();
        Assert.Equal("default/reviews", reviews.Meta.Key);
        Assert.Equal("networking.istio.io/v1", reviews.ApiVersion);
        Assert.Equal(new SourcePosition(a, 1, 1), reviews.Position);
        Assert.Equal(Served(host).OfKind("VirtualService").Single().Spec, reviews.Spec);
        Assert.Equal("prod/ratings", subscriber.Current.OfKind("DestinationRule").Single().Meta.Key);
        Assert.Equal(9080, (int)subscriber.Current.KubernetesObjects.Single().Body["spec"]!["ports"]![0]!["port"]!);

        // An update to one file arrives; the other kind is untouched.
        await File.WriteAllTextAsync(a, ConfigYaml.Documents(ConfigYaml.VirtualService("reviews", "reviews.v2"), ConfigYaml.Service("reviews")));
        await Eventually.TrueAsync(() => Host(subscriber, "reviews") == "reviews.v2", Wait, "the updated VirtualService");

        // A deleted file's object is removed.
        File.Delete(b);
        await Eventually.TrueAsync(() => !subscriber.Current.OfKind("DestinationRule").Any(), Wait, "the DestinationRule removed");
        Assert.Equal("reviews.v2", Host(subscriber, "reviews"));

        var label = protocol == XdsProtocol.Delta ? "delta" : "sotw";
        Assert.Equal(1, await probe.MetricAsync($"galley_xds_streams{{protocol=\"{label}\"}}"));
        var vsType = ConfigKinds.VirtualService.TypeUrl;
        await Eventually.ValueAsync(() => probe.MetricAsync($"galley_xds_acks_total{{type_url=\"{vsType}\"}}"), v => v >= 2, Wait, "ACKs counted");
    }

    [Theory]
    [InlineData(XdsProtocol.Delta)]
    [InlineData(XdsProtocol.StateOfTheWorld)]
    public async Task Subscribe_ConsumerRejectsAnObject_GalleyRecordsTheNackAndTheConsumerKeepsItsSnapshot(XdsProtocol protocol)
    {
        var dir = TempDirectory.Create("distribution-nack");
        var a = Path.Combine(dir, "a.yaml");
        await File.WriteAllTextAsync(a, ConfigYaml.VirtualService("reviews", "reviews"));
        await using var host = await TestHost.StartAsync(GalleyHost.Definition, "--config-dir", dir);
        using var probe = new GalleyProbe(host);
        await using var subscriber = Subscriber(host, protocol, accept: o =>
            o.Spec is Istio.Networking.V1Alpha3.VirtualService vs && vs.Hosts.Contains("refused") ? "this consumer refuses host 'refused'" : null);
        subscriber.Start();
        using var synced = new CancellationTokenSource(Wait);
        await subscriber.WaitUntilSyncedAsync(synced.Token);
        var before = subscriber.Current;

        await File.WriteAllTextAsync(a, ConfigYaml.VirtualService("reviews", "refused"));

        var vsType = ConfigKinds.VirtualService.TypeUrl;
        await Eventually.ValueAsync(() => probe.MetricAsync($"galley_xds_nacks_total{{type_url=\"{vsType}\"}}"), v => v == 1, Wait, "the NACK counted by Galley");
        Assert.Same(before, subscriber.Current);
        Assert.Equal("reviews", Host(subscriber, "reviews"));
        var distributionz = System.Text.Json.Nodes.JsonNode.Parse(await probe.GetStringAsync("/debug/distributionz"))!.AsArray();
        var vsStatus = distributionz.Single()!["types"]!.AsArray().Single(t => (string)t!["typeUrl"]! == vsType)!;
        Assert.Equal(1, (int)vsStatus["nacks"]!);
        Assert.Contains("this consumer refuses host 'refused'", (string)vsStatus["lastNack"]!["message"]!, StringComparison.Ordinal);

        // Galley moves on: the next valid version is accepted.
        await File.WriteAllTextAsync(a, ConfigYaml.VirtualService("reviews", "reviews.v3"));
        await Eventually.TrueAsync(() => Host(subscriber, "reviews") == "reviews.v3", Wait, "the next valid version");
    }

    [Fact]
    public async Task Galley_InProcess_RegistersItsSnapshotStoreAsTheConfigSource()
    {
        await using var host = await TestHost.StartAsync(GalleyHost.Definition);

        var source = host.App.Services.GetRequiredService<IConfigSnapshotSource>();

        Assert.Equal("FileSnapshotStore", source.GetType().Name); // internal to Shared, where the file source lives
        await Eventually.TrueAsync(() => source.Current.Version >= 1, Wait, "the empty first snapshot without --config-dir");
    }

    private static GalleyConfigSubscriber Subscriber(TestHost host, XdsProtocol protocol, Func<ConfigObject, string?>? accept = null) =>
        new(new GalleySubscriptionOptions
        {
            Address = host.Address(MeshPort.Galley),
            NodeId = $"test-subscriber~{protocol}",
            Protocol = protocol,
            Accept = accept,
        });

    private static ConfigSnapshot Served(TestHost host) => host.App.Services.GetRequiredService<IConfigSnapshotSource>().Current;

    private static string? Host(GalleyConfigSubscriber subscriber, string name) =>
        subscriber.Current.OfKind("VirtualService").SingleOrDefault(o => o.Meta.Name == name)?.SpecAs<Istio.Networking.V1Alpha3.VirtualService>().Hosts.Single();
}
