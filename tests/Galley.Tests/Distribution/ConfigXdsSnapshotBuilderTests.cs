using ControlPlane.Galley.Distribution;
using ControlPlane.Shared.Config;
using ControlPlane.Shared.Config.Distribution;

namespace ControlPlane.Galley.Tests.Distribution;

public sealed class ConfigXdsSnapshotBuilderTests
{
    [Fact]
    public void Build_EveryKindIsPresentWithAVersionEvenWhenEmpty()
    {
        var xds = new ConfigXdsSnapshotBuilder().Build(new ConfigSnapshot(1, [Rule("reviews", "reviews")]));

        Assert.Equal(ConfigResourceCodec.TypeUrls, xds.TypeUrls);
        Assert.All(xds.TypeUrls, t => Assert.Equal("1", xds.Get(t).Version));
        Assert.Equal(["default/reviews"], xds.Get(ConfigKinds.DestinationRule.TypeUrl).Resources.Keys);
    }

    [Fact]
    public void Build_OneKindChanges_OnlyThatKindTakesTheNewVersion()
    {
        var builder = new ConfigXdsSnapshotBuilder();
        var unchanged = Rule("reviews", "reviews");
        builder.Build(new ConfigSnapshot(1, [unchanged]));

        var xds = builder.Build(new ConfigSnapshot(2, [unchanged, Service("ratings")]));

        Assert.Equal("1", xds.Get(ConfigKinds.DestinationRule.TypeUrl).Version);
        Assert.Equal("2", xds.Get(ConfigKinds.ServiceEntry.TypeUrl).Version);
        Assert.Equal("1", xds.Get(ConfigKinds.VirtualService.TypeUrl).Version);
    }

    [Fact]
    public void Build_ObjectReloadedUnchanged_KeepsTheResourceVersionSoDeltaSendsNothing()
    {
        var builder = new ConfigXdsSnapshotBuilder();
        var first = builder.Build(new ConfigSnapshot(1, [Rule("reviews", "reviews")]));

        var second = builder.Build(new ConfigSnapshot(2, [Rule("reviews", "reviews")]));

        var type = ConfigKinds.DestinationRule.TypeUrl;
        Assert.Equal(first.Get(type).Resources["default/reviews"].Version, second.Get(type).Resources["default/reviews"].Version);
        Assert.Same(first.Get(type), second.Get(type));
    }

    private static ConfigObject Rule(string name, string host) =>
        new(ConfigKinds.DestinationRule, "networking.istio.io/v1", ObjectMeta.Create(name), new Istio.Networking.V1Alpha3.DestinationRule { Host = host });

    private static ConfigObject Service(string name) =>
        new(ConfigKinds.ServiceEntry, "networking.istio.io/v1", ObjectMeta.Create(name), new Istio.Networking.V1Alpha3.ServiceEntry { Hosts = { name } });
}
