using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ControlPlane.Pilot.Debug;
using ControlPlane.Pilot.Tests.Support;
using ControlPlane.Shared.Hosting;
using ControlPlane.Shared.Xds;
using ControlPlane.Shared.Xds.Client;
using ControlPlane.TestSupport;
using Envoy.Config.Endpoint.V3;
using Envoy.Config.Route.V3;

namespace ControlPlane.Pilot.Tests;

/// <summary>Pilot on real Kestrel (127.0.0.1, port 0) with a config directory, driven by the Shared xDS client.</summary>
public sealed class PilotServerTests : IAsyncLifetime
{
    private const string Host = "greeter.default.svc.cluster.local";
    private const string Listener = Host + ":50051";
    private const string Cluster = "outbound|50051||" + Host;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private readonly string _configDir = TempDirectory.Create("pilot-config");
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(Path.Combine(_configDir, "service.yaml"), Service);
        await File.WriteAllTextAsync(Path.Combine(_configDir, "workload.yaml"), Workload("10.0.0.1"));
        _host = await TestHost.StartAsync(PilotHost.Definition, "--config-dir", _configDir, "--debounce-quiet", "00:00:00.050");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData(XdsProtocol.StateOfTheWorld)]
    [InlineData(XdsProtocol.Delta)]
    public async Task Client_SubscribesLdsRdsCdsEds_GetsTheServiceAndFollowsAWorkloadChange(XdsProtocol protocol)
    {
        await using var client = PilotTestClient.Create(_host.Address(MeshPort.Xds), $"grpc~10.9.9.9~client.default~default.svc.cluster.local-{protocol}", protocol);
        client.Subscribe(XdsTypeUrls.Listener, [Listener]);
        client.Subscribe(XdsTypeUrls.RouteConfiguration, [Listener]);
        client.Subscribe(XdsTypeUrls.Cluster, [Cluster]);
        client.Subscribe(XdsTypeUrls.ClusterLoadAssignment, [Cluster]);
        client.Start();

        await Eventually.TrueAsync(() => Endpoints(client).Contains("10.0.0.1:50051"), Timeout, "the first endpoint");
        Assert.Contains(Listener, client.Resources(XdsTypeUrls.Listener).Keys);
        var route = client.Resources(XdsTypeUrls.RouteConfiguration)[Listener].Body.Unpack<RouteConfiguration>();
        Assert.Equal(Cluster, route.VirtualHosts[0].Routes[0].Route_.Cluster);
        var versions = (Lds: client.AcceptedVersion(XdsTypeUrls.Listener), Cds: client.AcceptedVersion(XdsTypeUrls.Cluster));

        await File.WriteAllTextAsync(Path.Combine(_configDir, "workload.yaml"), Workload("10.0.0.2"));

        await Eventually.TrueAsync(() => Endpoints(client).SequenceEqual(["10.0.0.2:50051"]), Timeout, "the moved endpoint");
        Assert.Equal(versions, (client.AcceptedVersion(XdsTypeUrls.Listener), client.AcceptedVersion(XdsTypeUrls.Cluster)));
    }

    [Fact]
    public async Task Alone_InvalidEditToAConfigFile_KeepsItsLastGoodObjectsInService()
    {
        await using var client = PilotTestClient.Create(_host.Address(MeshPort.Xds), "grpc~10.9.9.6~keeper.default~default.svc.cluster.local");
        client.Subscribe(XdsTypeUrls.ClusterLoadAssignment, [Cluster]);
        client.Start();
        await Eventually.TrueAsync(() => Endpoints(client).Contains("10.0.0.1:50051"), Timeout, "the first endpoint");

        // A list where the address belongs does not load: Galley's file source keeps the file's last good objects.
        await File.WriteAllTextAsync(Path.Combine(_configDir, "workload.yaml"), Workload("[10.0.0.2]"));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        await Eventually.TrueAsync(
            async () => (await http.GetStringAsync(new Uri(_host.Address(MeshPort.Monitoring), "/metrics"))).Contains("galley_config_errors 1", StringComparison.Ordinal),
            Timeout,
            "the rejected edit counted in galley_config_errors");

        Assert.Equal(["10.0.0.1:50051"], Endpoints(client));

        // Pilot alone maps the file source's /debug/configz: the error names the file, line and field.
        var configz = JsonNode.Parse(await http.GetStringAsync(new Uri(_host.Address(MeshPort.Monitoring), "/debug/configz")))!;
        var workloadFile = Path.Combine(_configDir, "workload.yaml");
        var error = configz["errors"]![workloadFile]!.AsArray().Single()!;
        Assert.Equal(5, (int)error["line"]!);
        Assert.Contains("spec.address", (string)error["text"]!, StringComparison.Ordinal);
        Assert.Equal(workloadFile, (string)configz["objects"]!["WorkloadEntry"]!.AsArray().Single()!["file"]!);
    }

    [Fact]
    public async Task Nack_IsRecordedInSyncz_AndTheClientIsNotSentTheSameVersionAgain()
    {
        var rejected = 0;
        await using var client = PilotTestClient.Create(_host.Address(MeshPort.Xds), "grpc~10.9.9.8~nacker.default~default.svc.cluster.local", validator: response =>
        {
            if (response.TypeUrl != XdsTypeUrls.Cluster)
            {
                return null;
            }

            Interlocked.Increment(ref rejected);
            return "cluster rejected by test";
        });
        client.Subscribe(XdsTypeUrls.Cluster, [Cluster]);
        client.Start();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        var row = await Eventually.ValueAsync(
            async () => (await Syncz(http)).FirstOrDefault(s => s.NodeId.StartsWith("grpc~10.9.9.8", StringComparison.Ordinal))?.Types.FirstOrDefault(),
            t => t?.Status == TypeSyncStatus.Nacked,
            Timeout,
            "the NACK in syncz");

        Assert.Equal("cluster rejected by test", row!.LastNackMessage);
        var metrics = await http.GetStringAsync(new Uri(_host.Address(MeshPort.Monitoring), "/metrics"));
        Assert.Contains("pilot_total_xds_rejects{type=\"cds\"} 1", metrics, StringComparison.Ordinal);
        Assert.Equal(1, Volatile.Read(ref rejected));
    }

    [Fact]
    public async Task Debug_RegistryzAndConfigDump_ShowTheRegistryAndWhatTheClientAcked()
    {
        const string node = "grpc~10.9.9.7~dump.default~default.svc.cluster.local";
        await using var client = PilotTestClient.Create(_host.Address(MeshPort.Xds), node);
        client.Subscribe(XdsTypeUrls.Listener, [Listener]);
        client.Start();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        await Eventually.TrueAsync(async () => (await Syncz(http)).Any(s => s.NodeId == node && s.Types.All(t => t.Status == TypeSyncStatus.Synced) && s.Types.Count > 0), Timeout, "SYNCED");

        var registry = await http.GetStringAsync(new Uri(_host.Address(MeshPort.Monitoring), "/debug/registryz"));
        var dump = await http.GetStringAsync(new Uri(_host.Address(MeshPort.Monitoring), $"/debug/config_dump?proxyID={Uri.EscapeDataString(node)}"));
        var missing = await http.GetAsync(new Uri(_host.Address(MeshPort.Monitoring), "/debug/config_dump?proxyID=nobody"));

        Assert.Contains("\"10.0.0.1\"", registry, StringComparison.Ordinal);
        Assert.Contains($"\"name\": \"{Listener}\"", dump, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private async Task<IReadOnlyList<SyncStatus>> Syncz(HttpClient http) =>
        JsonSerializer.Deserialize<List<SyncStatus>>(await http.GetStringAsync(new Uri(_host.Address(MeshPort.Monitoring), "/debug/syncz")), PilotDebugEndpoints.Json)!;

    private static List<string> Endpoints(XdsClient client) =>
        client.Resources(XdsTypeUrls.ClusterLoadAssignment).Values
            .SelectMany(r => r.Body.Unpack<ClusterLoadAssignment>().Endpoints.SelectMany(l => l.LbEndpoints))
            .Select(e => $"{e.Endpoint.Address.SocketAddress.Address}:{e.Endpoint.Address.SocketAddress.PortValue}")
            .ToList();

    private const string Service = """
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata: {name: greeter, namespace: default}
        spec:
          hosts: [greeter]
          location: MESH_INTERNAL
          resolution: STATIC
          ports: [{number: 50051, name: grpc, protocol: GRPC}]
          workloadSelector: {labels: {app: greeter}}
        """;

    private static string Workload(string address) => $$"""
        apiVersion: networking.istio.io/v1
        kind: WorkloadEntry
        metadata: {name: greeter-1, namespace: default}
        spec:
          address: {{address}}
          labels:
            app: greeter
        """;
}
