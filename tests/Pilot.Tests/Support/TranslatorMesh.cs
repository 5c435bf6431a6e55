using ControlPlane.Pilot.Model;
using ControlPlane.Pilot.Registry;

namespace ControlPlane.Pilot.Tests.Support;

/// <summary>
/// The mesh the translator tables run against: <c>reviews</c> (port 9080, workloads labelled v1 and
/// v2, a DestinationRule given per test) and <c>ratings</c> (ports 9080 and 9090), both in <c>default</c>.
/// </summary>
internal static class TranslatorMesh
{
    public const string Reviews = "reviews.default.svc.cluster.local";

    public const string Ratings = "ratings.default.svc.cluster.local";

    private const string Services = """
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata: {name: reviews, namespace: default}
        spec:
          hosts: [reviews.default.svc.cluster.local]
          location: MESH_INTERNAL
          resolution: STATIC
          ports: [{number: 9080, name: grpc, protocol: GRPC}]
          endpoints: [{address: 127.0.0.1, labels: {version: v1}}, {address: 127.0.0.2, labels: {version: v2}}]
        ---
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata: {name: ratings, namespace: default}
        spec:
          hosts: [ratings.default.svc.cluster.local]
          location: MESH_INTERNAL
          resolution: STATIC
          ports: [{number: 9080, name: grpc, protocol: GRPC}, {number: 9090, name: grpc-admin, protocol: GRPC}]
          endpoints: [{address: 127.0.0.3}]
        """;

    /// <summary>The two services and, when given, a DestinationRule <c>default/reviews</c> with this spec (YAML or JSON).</summary>
    public static MeshSnapshot Build(string? destinationRuleSpec = null)
    {
        var yaml = Services;
        if (destinationRuleSpec is not null)
        {
            yaml += $$"""

                ---
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: reviews, namespace: default}
                spec: {{destinationRuleSpec.ReplaceLineEndings(" ")}}
                """;
        }

        return MeshSnapshotBuilder.Build(YamlConfig.Parse(yaml));
    }

    public static MeshService Service(MeshSnapshot snapshot, string host) =>
        snapshot.Registry.FindService(host) ?? throw new InvalidOperationException($"no service {host} in the test mesh");

    public static ServicePort Port(MeshSnapshot snapshot, string host, int number) =>
        Service(snapshot, host).FindPort(number) ?? throw new InvalidOperationException($"no port {number} on {host}");
}
