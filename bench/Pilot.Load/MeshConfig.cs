using System.Text;

namespace ControlPlane.Bench.PilotLoad;

/// <summary>The benchmark's config directory: M ServiceEntries with two inline endpoints each, and service 0's endpoint as a WorkloadEntry (so it can move alone).</summary>
internal static class MeshConfig
{
    public const int Port = 8080;

    public static string Host(int i) => $"svc-{i}.bench.svc.cluster.local";

    public static string Cluster(int i) => $"outbound|{Port}||{Host(i)}";

    public static string Listener(int i) => $"{Host(i)}:{Port}";

    public static void WriteServices(string directory, int count)
    {
        var yaml = new StringBuilder();
        yaml.Append(Selected(0));
        for (var i = 1; i < count; i++)
        {
            yaml.Append($"""
                ---
                apiVersion: networking.istio.io/v1
                kind: ServiceEntry
                metadata: {"{"}name: svc-{i}, namespace: bench{"}"}
                spec:
                  hosts: [{Host(i)}]
                  location: MESH_INTERNAL
                  resolution: STATIC
                  ports: [{"{"}number: {Port}, name: grpc, protocol: GRPC{"}"}]
                  endpoints:
                  - {"{"}address: 10.{i / 250}.{i % 250}.1, locality: r1/z1{"}"}
                  - {"{"}address: 10.{i / 250}.{i % 250}.2, locality: r1/z2{"}"}

                """);
        }

        File.WriteAllText(Path.Combine(directory, "services.yaml"), yaml.ToString());
        WriteWorkload(directory, "10.255.0.1");
    }

    /// <summary>A new service: every client's wildcard CDS changes (a full push in state of the world).</summary>
    public static void AddService(string directory, int i) =>
        File.WriteAllText(Path.Combine(directory, $"added-{i}.yaml"), $"""
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata: {"{"}name: added-{i}, namespace: bench{"}"}
            spec:
              hosts: [added-{i}.bench.svc.cluster.local]
              resolution: STATIC
              ports: [{"{"}number: {Port}, name: grpc, protocol: GRPC{"}"}]
              endpoints: [{"{"}address: 10.254.0.{i}{"}"}]
            """);

    /// <summary>Service 0's only endpoint: moving it is an endpoint-only (EDS) change.</summary>
    public static void WriteWorkload(string directory, string address) =>
        File.WriteAllText(Path.Combine(directory, "workload.yaml"), $"""
            apiVersion: networking.istio.io/v1
            kind: WorkloadEntry
            metadata: {"{"}name: svc-0-a, namespace: bench{"}"}
            spec:
              address: {address}
              labels: {"{"}app: svc-0{"}"}
            """);

    private static string Selected(int i) => $"""
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata: {"{"}name: svc-{i}, namespace: bench{"}"}
        spec:
          hosts: [{Host(i)}]
          location: MESH_INTERNAL
          resolution: STATIC
          ports: [{"{"}number: {Port}, name: grpc, protocol: GRPC{"}"}]
          workloadSelector: {"{"}labels: {"{"}app: svc-{i}{"}"}{"}"}

        """;
}
