using ControlPlane.Meshd;
using ControlPlane.Shared.Hosting;
using ControlPlane.TestSupport;

namespace ControlPlane.E2E.Tests.Support;

/// <summary>
/// Meshd in process on free 127.0.0.1 ports with a config directory, and three backends (v1, v2,
/// v3) each answering with its version. Tests write config files and drive real clients against it.
/// </summary>
public sealed class MeshFixture : IAsyncLifetime
{
    public const int ServicePort = 7000;

    public string ConfigDir { get; } = TempDirectory.Create("e2e-config");

    public string WorkDir { get; } = TempDirectory.Create("e2e-work");

    public TestHost Host { get; private set; } = null!;

    public IReadOnlyDictionary<string, EchoBackend> Backends { get; private set; } = null!;

    public int XdsPort => Host.Ports.BoundPort(MeshPort.Xds);

    public Uri MonitoringAddress => Host.Address(MeshPort.Monitoring);

    public async Task InitializeAsync()
    {
        var backends = new Dictionary<string, EchoBackend>();
        foreach (var version in new[] { "v1", "v2", "v3" })
        {
            backends[version] = await EchoBackend.StartAsync(version);
        }

        Backends = backends;
        Host = await TestHost.StartAsync(MeshdHost.Definition, "--config-dir", ConfigDir, "--debounce-quiet", "00:00:00.050");
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        foreach (var backend in Backends.Values)
        {
            await backend.DisposeAsync();
        }
    }

    /// <summary>Writes (or replaces) one config file, as a user editing the config directory would.</summary>
    public Task WriteConfigAsync(string file, string yaml) => File.WriteAllTextAsync(Path.Combine(ConfigDir, file), yaml);

    public void DeleteConfig(string file) => File.Delete(Path.Combine(ConfigDir, file));

    public XdsClientProcess StartClient(ClientKind kind, string service) =>
        XdsClientProcess.Start(kind, XdsPort, $"xds:///{Hostname(service)}:{ServicePort}", WorkDir);

    public static string Hostname(string service) => $"{service}.default.svc.cluster.local";

    /// <summary>A ServiceEntry for <paramref name="service"/> selecting its WorkloadEntries, and a DestinationRule with subsets v1..v3.</summary>
    public static string Service(string service) => $"""
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata:
          name: {service}
          namespace: default
        spec:
          hosts: [{Hostname(service)}]
          location: MESH_INTERNAL
          resolution: STATIC
          ports:
          - number: {ServicePort}
            name: grpc
            protocol: GRPC
          workloadSelector:
            labels:
              app: {service}
        ---
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: {service}
          namespace: default
        spec:
          host: {Hostname(service)}
          subsets:
          - name: v1
            labels: {"{"}version: v1{"}"}
          - name: v2
            labels: {"{"}version: v2{"}"}
          - name: v3
            labels: {"{"}version: v3{"}"}
        """;

    /// <summary>A WorkloadEntry for one backend version of <paramref name="service"/>.</summary>
    public string Workload(string service, string version) => $"""
        apiVersion: networking.istio.io/v1
        kind: WorkloadEntry
        metadata:
          name: {service}-{version}
          namespace: default
        spec:
          address: 127.0.0.1
          ports:
            grpc: {Backends[version].Port}
          labels:
            app: {service}
            version: {version}
          locality: region1/zone1
        """;

    /// <summary>Everything for a service with backends of the given versions, in one file.</summary>
    public string ServiceWith(string service, params string[] versions) =>
        string.Join("\n---\n", versions.Select(v => Workload(service, v)).Prepend(Service(service)));
}
