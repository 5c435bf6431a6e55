using ControlPlane.Galley.Tests.Support;
using ControlPlane.Shared.Config;
using ControlPlane.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace ControlPlane.Galley.Tests.Sources.Files;

/// <summary>The file source in a running Galley: edits on disk reach the snapshot, keep-last-good holds.</summary>
public sealed class FileWatchTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Watch_FileBreaksThenIsFixedThenDeleted_KeepsLastGoodReportsTheErrorAndNeverTouchesTheNeighbour()
    {
        var dir = TempDirectory.Create("watch");
        var a = Path.Combine(dir, "a.yaml");
        var b = Path.Combine(dir, "nested", "b.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(b)!);
        await File.WriteAllTextAsync(a, ConfigYaml.VirtualService("reviews", "reviews"));
        await File.WriteAllTextAsync(b, ConfigYaml.VirtualService("ratings", "ratings"));
        await using var host = await TestHost.StartAsync(GalleyHost.Definition, "--config-dir", dir);
        using var probe = new GalleyProbe(host);
        var source = host.App.Services.GetRequiredService<IConfigSnapshotSource>();
        await Eventually.TrueAsync(() => Hosts(source).Count == 2, Wait, "both files in service");

        // Break a.yaml: its object stays in service, the error is visible; b.yaml still updates.
        await File.WriteAllTextAsync(a, ConfigYaml.VirtualServiceWithUnknownField("reviews", "reviews.v2"));
        await File.WriteAllTextAsync(b, ConfigYaml.VirtualService("ratings", "ratings.v2"));
        await Eventually.TrueAsync(() => Hosts(source).GetValueOrDefault("ratings") == "ratings.v2", Wait, "the neighbour's update");
        var configz = await Eventually.ValueAsync(probe.ConfigzAsync, c => (int)c["errorCount"]! == 1, Wait, "the error in /debug/configz");
        Assert.Equal("reviews", Hosts(source)["reviews"]);
        var error = configz["errors"]![a]!.AsArray().Single()!;
        Assert.Equal(8, (int)error["line"]!);
        Assert.Contains("notAField", (string)error["text"]!, StringComparison.Ordinal);
        Assert.Equal(a, (string)configz["objects"]!["VirtualService"]!.AsArray().Single(o => (string)o!["name"]! == "default/reviews")!["file"]!);
        await Eventually.ValueAsync(() => probe.MetricAsync("galley_config_errors"), v => v == 1, Wait, "the error in galley_config_errors");
        Assert.Equal(2, await probe.MetricAsync("galley_objects{kind=\"VirtualService\"}"));

        // Fix it: the new version is served and the error is gone.
        await File.WriteAllTextAsync(a, ConfigYaml.VirtualService("reviews", "reviews.v3"));
        await Eventually.TrueAsync(() => Hosts(source).GetValueOrDefault("reviews") == "reviews.v3", Wait, "the fixed file");
        await Eventually.ValueAsync(() => probe.MetricAsync("galley_config_errors"), v => v == 0, Wait, "errors cleared in metrics");

        // Delete it: its object leaves service.
        var before = source.Current.Version;
        File.Delete(a);
        await Eventually.TrueAsync(() => !Hosts(source).ContainsKey("reviews"), Wait, "the deleted file's object removed");
        Assert.True(source.Current.Version > before);
        await Eventually.ValueAsync(() => probe.MetricAsync("galley_snapshot_version"), v => v == source.Current.Version, Wait, "galley_snapshot_version");
        Assert.Equal("ratings.v2", Hosts(source)["ratings"]);
    }

    [Fact]
    public async Task Start_WithConfigDir_IsReadyAndServesTheFirstSnapshotThroughIConfigSnapshotSource()
    {
        var dir = TempDirectory.Create("watch-ready");
        await File.WriteAllTextAsync(Path.Combine(dir, "a.yaml"), ConfigYaml.Documents(ConfigYaml.DestinationRule("reviews", "reviews"), ConfigYaml.Service("reviews")));
        await using var host = await TestHost.StartAsync(GalleyHost.Definition, "--config-dir", dir);
        using var probe = new GalleyProbe(host);

        await Eventually.ValueAsync(probe.ReadyStatusAsync, s => s == 200, Wait, "readiness");
        var source = host.App.Services.GetRequiredService<IConfigSnapshotSource>();

        Assert.True(source.Current.Version >= 1);
        Assert.Equal(["DestinationRule default/reviews"], source.Current.Objects.Select(o => o.Reference));
        Assert.Equal(["Service default/reviews"], source.Current.KubernetesObjects.Select(o => o.Reference));
        await Eventually.ValueAsync(() => probe.MetricAsync("galley_objects{kind=\"Service\"}"), v => v == 1, Wait, "the Service counted in galley_objects");
    }

    [Fact]
    public async Task Subscribe_FileChanges_CallsTheSubscriberWithEachNewSnapshot()
    {
        var dir = TempDirectory.Create("watch-subscribe");
        await using var host = await TestHost.StartAsync(GalleyHost.Definition, "--config-dir", dir);
        var source = host.App.Services.GetRequiredService<IConfigSnapshotSource>();
        await Eventually.TrueAsync(() => source.Current.Version >= 1, Wait, "the first snapshot");
        var seen = new List<ConfigSnapshot>();
        using var subscription = source.Subscribe(s =>
        {
            lock (seen)
            {
                seen.Add(s);
            }
        });

        await File.WriteAllTextAsync(Path.Combine(dir, "a.yaml"), ConfigYaml.DestinationRule("reviews", "reviews"));

        await Eventually.TrueAsync(() => { lock (seen) { return seen.Any(s => s.Objects.Count == 1); } }, Wait, "a snapshot with the new object");
        lock (seen)
        {
            Assert.All(seen, s => Assert.True(s.Version > 1));
        }
    }

    private static Dictionary<string, string> Hosts(IConfigSnapshotSource source) =>
        source.Current.OfKind("VirtualService").ToDictionary(o => o.Meta.Name, o => o.SpecAs<Istio.Networking.V1Alpha3.VirtualService>().Hosts.Single());
}
