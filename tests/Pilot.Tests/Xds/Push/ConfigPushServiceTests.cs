using ControlPlane.Pilot.Model;
using ControlPlane.Pilot.Tests.Support;
using ControlPlane.Pilot.Xds;
using ControlPlane.Pilot.Xds.Generation;
using ControlPlane.Pilot.Xds.Push;
using ControlPlane.Shared.Config;
using ControlPlane.Shared.Xds;
using ControlPlane.TestSupport;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ControlPlane.Pilot.Tests.Xds.Push;

public sealed class ConfigPushServiceTests
{
    private const string Host = "a.default.svc.cluster.local";

    private const string Service = """
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata: {name: a, namespace: default}
        spec: {hosts: [a], resolution: STATIC, ports: [{number: 80, name: grpc, protocol: GRPC}]}
        """;

    private static readonly ProxyInfo Client = new("client", ProxyKind.Grpc, "default", "10.0.0.9");

    [Fact]
    public async Task Start_BeforeTheSourceHasLoaded_ServesNothingAndIsNotReady_ThenServesTheFirstLoadAtOnce()
    {
        var source = new InMemoryConfigSource();
        var (service, provider, _) = Create(source);
        await service.StartAsync(CancellationToken.None);

        // The source has loaded nothing yet (version 0): no empty mesh that a client would ACK.
        Assert.Equal(0, provider.Snapshot.Version);
        Assert.Null(provider.Resources(Client, XdsTypeUrls.Cluster, ResourceRequest.All));
        Assert.Equal(HealthStatus.Unhealthy, (await Readiness(provider)).Status);

        // The first load is served without waiting for the debounce quiet period.
        source.Publish([.. YamlConfig.Parse(Service).Objects]);

        Assert.Contains(provider.Snapshot.Registry.Services, s => s.Hostname == Host);
        Assert.Contains($"outbound|80||{Host}", provider.Resources(Client, XdsTypeUrls.Cluster, ResourceRequest.All)!.Resources.Keys);
        Assert.Equal(HealthStatus.Healthy, (await Readiness(provider)).Status);
        service.Dispose();
    }

    [Fact]
    public async Task Start_WithTheSourceAlreadyLoaded_ServesItAtOnce_AndDebouncesLaterChanges()
    {
        var source = new InMemoryConfigSource();
        source.Publish([.. YamlConfig.Parse(Service).Objects]);
        var (service, provider, clock) = Create(source);
        await service.StartAsync(CancellationToken.None);
        var first = provider.Snapshot.Version;
        Assert.Contains(provider.Snapshot.Registry.Services, s => s.Hostname == Host);

        source.Publish([.. YamlConfig.Parse(Service.Replace("[a]", "[b]", StringComparison.Ordinal)).Objects]);
        Assert.Equal(first, provider.Snapshot.Version);

        clock.Advance(TimeSpan.FromMilliseconds(100));
        Assert.Contains(provider.Snapshot.Registry.Services, s => s.Hostname == "b.default.svc.cluster.local");
        Assert.DoesNotContain(provider.Snapshot.Registry.Services, s => s.Hostname == Host);
        service.Dispose();
    }

    [Fact]
    public async Task Start_ASnapshotPublishedWhileStarting_IsServed_AndAnOlderOneNeverReplacesIt()
    {
        var older = YamlConfig.Parse(Service, version: 1);
        var newer = YamlConfig.Parse(Service.Replace("[a]", "[b]", StringComparison.Ordinal), version: 2);
        var (service, provider, clock) = Create(new RacingConfigSource(older, newer));
        await service.StartAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Contains(provider.Snapshot.Registry.Services, s => s.Hostname == "b.default.svc.cluster.local");
        Assert.DoesNotContain(provider.Snapshot.Registry.Services, s => s.Hostname == Host);
        service.Dispose();
    }

    private static (ConfigPushService Service, PilotResourceProvider Provider, FakeTimeProvider Clock) Create(IConfigSnapshotSource source)
    {
        var clock = new FakeTimeProvider();
        var provider = new PilotResourceProvider([new ClusterGenerator(), new EndpointGenerator(), new ListenerGenerator(), new RouteGenerator()]);
        var options = Options.Create(new PilotOptions { DebounceQuiet = TimeSpan.FromMilliseconds(100), DebounceMax = TimeSpan.FromSeconds(1) });
        var service = new ConfigPushService(source, provider, clock, options, NullLogger<ConfigPushService>.Instance);
        return (service, provider, clock);
    }

    private static Task<HealthCheckResult> Readiness(PilotResourceProvider provider) =>
        new PilotReadinessCheck(provider).CheckHealthAsync(new HealthCheckContext());
}
