using System.Net;
using ControlPlane.Galley;
using ControlPlane.Mixer;
using ControlPlane.Pilot;
using ControlPlane.Shared.Config;
using ControlPlane.Shared.Config.Distribution;
using ControlPlane.Shared.Hosting;
using ControlPlane.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace ControlPlane.E2E.Tests;

/// <summary>Galley, Pilot and Mixer as separate executables: Pilot and Mixer take their config from Galley over xDS.</summary>
public sealed class StandaloneServicesTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private const string Config = """
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata:
          name: reviews
        spec:
          hosts: [reviews.default.svc.cluster.local]
          location: MESH_INTERNAL
          resolution: STATIC
          ports: [{number: 9080, name: grpc, protocol: GRPC}]
          endpoints: [{address: 127.0.0.1, ports: {grpc: 9083}}]
        ---
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata:
          name: deny-all
        spec: {}
        """;

    [Fact]
    public async Task PilotAndMixer_WithGalleyAddress_ServeTheConfigGalleyDistributes()
    {
        var dir = TempDirectory.Create("standalone-config");
        await File.WriteAllTextAsync(Path.Combine(dir, "mesh.yaml"), Config);
        await using var galley = await TestHost.StartAsync(GalleyHost.Definition, "--config-dir", dir);
        var address = $"127.0.0.1:{galley.Ports.BoundPort(MeshPort.Galley)}";
        await using var pilot = await TestHost.StartAsync(PilotHost.Definition, "--galley-address", address);
        await using var mixer = await TestHost.StartAsync(MixerHost.Definition, "--galley-address", address);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        foreach (var host in new[] { pilot, mixer })
        {
            await Eventually.TrueAsync(
                async () => (await http.GetAsync(new Uri(host.Address(MeshPort.Monitoring), "/healthz/ready"))).StatusCode == HttpStatusCode.OK,
                Wait,
                "readiness of a service subscribed to Galley");
            var source = host.App.Services.GetRequiredService<IConfigSnapshotSource>();
            Assert.IsType<GalleyConfigSubscriber>(source);
            Assert.Contains(source.Current.Objects, o => o.Reference == "ServiceEntry default/reviews");
            Assert.Contains(source.Current.Objects, o => o.Reference == "AuthorizationPolicy default/deny-all");
        }

        await Eventually.ValueAsync(
            () => http.GetStringAsync(new Uri(pilot.Address(MeshPort.Monitoring), "/debug/registryz")),
            registry => registry.Contains("reviews.default.svc.cluster.local", StringComparison.Ordinal),
            Wait,
            "Pilot's registry to hold the ServiceEntry from Galley");
    }
}
