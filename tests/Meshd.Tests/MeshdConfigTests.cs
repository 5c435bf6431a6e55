using System.Text.Json.Nodes;
using ControlPlane.Shared.Config;
using ControlPlane.Shared.Config.Distribution;
using ControlPlane.Shared.Hosting;
using ControlPlane.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace ControlPlane.Meshd.Tests;

/// <summary>Meshd with --config-dir: the in-process config source and its distribution over xDS agree.</summary>
public sealed class MeshdConfigTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Meshd_WithConfigDir_ServesTheSameConfigInProcessAndOverTheGalleyPort()
    {
        var dir = TempDirectory.Create("meshd-config");
        await File.WriteAllTextAsync(Path.Combine(dir, "reviews.yaml"), """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata:
              name: reviews
            spec:
              host: reviews
              subsets:
              - name: v1
                labels:
                  version: v1
            """);
        await using var host = await TestHost.StartAsync(MeshdHost.Definition, "--config-dir", dir);
        var inProcess = host.App.Services.GetRequiredService<IConfigSnapshotSource>();
        await using var subscriber = new GalleyConfigSubscriber(new GalleySubscriptionOptions { Address = host.Address(MeshPort.Galley), NodeId = "meshd-test" });
        subscriber.Start();

        using var synced = new CancellationTokenSource(Wait);
        await subscriber.WaitUntilSyncedAsync(synced.Token);
        await Eventually.TrueAsync(() => subscriber.Current.Objects.Count == 1, Wait, "the DestinationRule over xDS");

        var local = Assert.Single(inProcess.Current.Objects);
        var remote = Assert.Single(subscriber.Current.Objects);
        Assert.Equal(local.Reference, remote.Reference);
        Assert.Equal(local.Spec, remote.Spec);
        Assert.Equal(local.Position, remote.Position);

        // Galley maps /debug/configz once for the process; Pilot, which shares Galley's file source here, does not map it again.
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var configz = JsonNode.Parse(await http.GetStringAsync(new Uri(host.Address(MeshPort.Monitoring), "/debug/configz")))!;
        Assert.Equal("default/reviews", (string)configz["objects"]!["DestinationRule"]!.AsArray().Single()!["name"]!);
    }
}
