using System.Net;
using System.Net.Sockets;
using ControlPlane.Galley.Tests.Support;
using ControlPlane.Shared.Config;
using ControlPlane.Shared.Config.Distribution;
using ControlPlane.Shared.Hosting;
using ControlPlane.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace ControlPlane.Galley.Tests.Distribution;

/// <summary>A standalone consumer (as Pilot or Mixer run with --galley-address) wired with AddGalleyConfigSubscription.</summary>
public sealed class SubscriptionRegistrationTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task AddGalleyConfigSubscription_GalleyServing_ConsumerGetsItsConfigAndBecomesReady()
    {
        var dir = TempDirectory.Create("consumer");
        await File.WriteAllTextAsync(Path.Combine(dir, "a.yaml"), ConfigYaml.VirtualService("reviews", "reviews"));
        await using var galley = await TestHost.StartAsync(GalleyHost.Definition, "--config-dir", dir);
        var address = $"127.0.0.1:{galley.Ports.BoundPort(MeshPort.Galley)}";
        await using var consumer = await TestHost.StartAsync(Consumer(address));
        using var probe = new GalleyProbe(consumer);

        await Eventually.ValueAsync(probe.ReadyStatusAsync, s => s == 200, Wait, "the consumer's readiness");

        var source = consumer.App.Services.GetRequiredService<IConfigSnapshotSource>();
        Assert.IsType<GalleyConfigSubscriber>(source);
        Assert.Equal(["VirtualService default/reviews"], source.Current.Objects.Select(o => o.Reference));
    }

    [Fact]
    public async Task AddGalleyConfigSubscription_AFileEdited_TheConsumersSnapshotCarriesOnlyTheKindThatChanged()
    {
        var dir = TempDirectory.Create("consumer");
        await File.WriteAllTextAsync(Path.Combine(dir, "a.yaml"), ConfigYaml.VirtualService("reviews", "reviews"));
        await File.WriteAllTextAsync(Path.Combine(dir, "b.yaml"), ConfigYaml.Service("reviews"));
        await using var galley = await TestHost.StartAsync(GalleyHost.Definition, "--config-dir", dir);
        await using var consumer = await TestHost.StartAsync(Consumer($"127.0.0.1:{galley.Ports.BoundPort(MeshPort.Galley)}"));
        var source = consumer.App.Services.GetRequiredService<IConfigSnapshotSource>();
        await Eventually.TrueAsync(() => source.Current.Version >= 1, Wait, "the consumer's first snapshot");
        Assert.Equal(["Service", "VirtualService"], source.Current.ChangedKinds!.Order(StringComparer.Ordinal));

        await File.WriteAllTextAsync(Path.Combine(dir, "a.yaml"), ConfigYaml.VirtualService("reviews", "ratings"));
        await Eventually.TrueAsync(() => source.Current.Objects.Any(o => o.Spec.ToString()!.Contains("ratings", StringComparison.Ordinal)), Wait, "the edit at the consumer");

        Assert.Equal(["VirtualService"], source.Current.ChangedKinds);
    }

    [Fact]
    public async Task AddGalleyConfigSubscription_NoGalleyListening_ConsumerIsNotReady()
    {
        using var unused = new TcpListener(IPAddress.Loopback, 0);
        unused.Start();
        var port = ((IPEndPoint)unused.LocalEndpoint).Port;
        unused.Stop();
        await using var consumer = await TestHost.StartAsync(Consumer($"127.0.0.1:{port}"));
        using var probe = new GalleyProbe(consumer);

        Assert.Equal(503, await probe.ReadyStatusAsync());
        Assert.Equal(0, consumer.App.Services.GetRequiredService<IConfigSnapshotSource>().Current.Version);
    }

    [Theory]
    [InlineData("127.0.0.1:9901", "http://127.0.0.1:9901/")]
    [InlineData("galley.istio-system:9901", "http://galley.istio-system:9901/")]
    [InlineData("https://galley:9901", "https://galley:9901/")]
    public void ParseAddress_HostAndPort_IsAnHttp2Address(string text, string expected)
    {
        Assert.Equal(new Uri(expected), GalleySubscriptionRegistration.ParseAddress(text));
    }

    [Fact]
    public void ParseAddress_NoPort_IsAUsageErrorNamingTheFlag()
    {
        var error = Assert.Throws<MeshUsageException>(() => GalleySubscriptionRegistration.ParseAddress("galley"));

        Assert.Contains("--galley-address", error.Message, StringComparison.Ordinal);
    }

    private static MeshHostDefinition Consumer(string galleyAddress) => new(
        "consumer",
        [],
        builder => builder.Services.AddGalleyConfigSubscription(galleyAddress, o => o.NodeId = "consumer~test"),
        _ => { });
}
