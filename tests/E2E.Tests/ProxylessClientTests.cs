using ControlPlane.E2E.Tests.Support;
using ControlPlane.TestSupport;

namespace ControlPlane.E2E.Tests;

/// <summary>
/// Real proxyless gRPC clients (Node @grpc/grpc-js-xds, Python grpcio on C-core 1.51) dial
/// <c>xds:///host:port</c> with a bootstrap pointing at Meshd's Pilot and call backends that answer
/// with their version. Each test uses its own service so the tests do not depend on each other; a
/// client process stays up across config edits (nothing is restarted).
/// </summary>
[Collection(ClientCollection.Name)]
public sealed class ProxylessClientTests(MeshFixture mesh)
{
    private static readonly TimeSpan Converge = TimeSpan.FromSeconds(45);

    [Theory]
    [InlineData(ClientKind.Node)]
    [InlineData(ClientKind.Python)]
    public async Task VirtualServiceEdit_MovesTrafficFromAllV1To80_20V1V3_WithoutRestart(ClientKind kind)
    {
        var service = $"canary-{kind.ToString().ToLowerInvariant()}";
        await mesh.WriteConfigAsync($"{service}.yaml", mesh.ServiceWith(service, "v1", "v3"));
        await mesh.WriteConfigAsync($"{service}-vs.yaml", Routes(service, ("v1", 100)));
        await using var client = mesh.StartClient(kind, service);
        await UntilAsync(client, r => r.Count("v1") == 20, "all traffic on v1");

        var before = await client.CallAsync(1000);
        Assert.True(before.Count("v1") == 1000, $"{kind}: {before}");

        await mesh.WriteConfigAsync($"{service}-vs.yaml", Routes(service, ("v1", 80), ("v3", 20)));
        await UntilAsync(client, r => r.Count("v3") > 0, "the first call on v3");

        var after = await client.CallAsync(1000);
        Assert.True(after.Count("v1") + after.Count("v3") == 1000, $"{kind}: {after}");
        Assert.InRange(after.Count("v3"), 150, 250);
    }

    [Theory]
    [InlineData(ClientKind.Node)]
    [InlineData(ClientKind.Python)]
    public async Task HeaderMatch_EndUserJason_ReachesV2_AndEveryoneElseV1(ClientKind kind)
    {
        var service = $"header-{kind.ToString().ToLowerInvariant()}";
        await mesh.WriteConfigAsync($"{service}.yaml", mesh.ServiceWith(service, "v1", "v2") + "\n---\n" + $"""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: {service}
              namespace: default
            spec:
              hosts: [{MeshFixture.Hostname(service)}]
              http:
              - match:
                - headers:
                    end-user:
                      exact: jason
                route:
                - destination: {"{"}host: {MeshFixture.Hostname(service)}, subset: v2{"}"}
              - route:
                - destination: {"{"}host: {MeshFixture.Hostname(service)}, subset: v1{"}"}
            """);
        await using var client = mesh.StartClient(kind, service);
        await UntilAsync(client, r => r.Count("v1") == 20, "routes");

        var jason = await client.CallAsync(100, new Dictionary<string, string> { ["end-user"] = "jason" });
        var others = await client.CallAsync(100, new Dictionary<string, string> { ["end-user"] = "mary" });

        Assert.True(jason.Count("v2") == 100, $"{kind} jason: {jason}");
        Assert.True(others.Count("v1") == 100, $"{kind} others: {others}");
    }

    [Theory]
    [InlineData(ClientKind.Node)]
    [InlineData(ClientKind.Python)]
    public async Task WorkloadEntry_AddedThenRemoved_IsUsedThenDropped(ClientKind kind)
    {
        var service = $"workload-{kind.ToString().ToLowerInvariant()}";
        await mesh.WriteConfigAsync($"{service}.yaml", MeshFixture.Service(service));
        await mesh.WriteConfigAsync($"{service}-v1.yaml", mesh.Workload(service, "v1"));
        await using var client = mesh.StartClient(kind, service);
        await UntilAsync(client, r => r.Count("v1") == 20, "the first workload");

        await mesh.WriteConfigAsync($"{service}-v2.yaml", mesh.Workload(service, "v2"));
        await UntilAsync(client, r => r.Count("v2") > 0 && r.Count("v1") > 0, "the added workload in use");

        mesh.DeleteConfig($"{service}-v1.yaml");
        await UntilAsync(client, r => r.Count("v2") == 20, "the removed workload dropped");
        var after = await client.CallAsync(200);
        Assert.True(after.Count("v2") == 200, $"{kind}: {after}");
    }

    [Theory]
    [InlineData(ClientKind.Node)]
    [InlineData(ClientKind.Python)]
    public async Task Fault_AbortForAPercentage_AndAFixedDelay_AreApplied(ClientKind kind)
    {
        var service = $"fault-{kind.ToString().ToLowerInvariant()}";
        var host = MeshFixture.Hostname(service);
        await mesh.WriteConfigAsync($"{service}.yaml", mesh.ServiceWith(service, "v1") + "\n---\n" + $$"""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: {{service}}
              namespace: default
            spec:
              hosts: [{{host}}]
              http:
              - match:
                - headers:
                    x-fault:
                      exact: abort
                fault:
                  abort:
                    grpcStatus: UNAVAILABLE
                    percentage:
                      value: 50
                route:
                - destination: {host: {{host}}}
              - match:
                - headers:
                    x-fault:
                      exact: delay
                fault:
                  delay:
                    fixedDelay: 5s
                route:
                - destination: {host: {{host}}}
              - route:
                - destination: {host: {{host}}}
            """);
        await using var client = mesh.StartClient(kind, service);
        await UntilAsync(client, r => r.Count("v1") == 20, "routes");

        var aborted = await client.CallAsync(400, new Dictionary<string, string> { ["x-fault"] = "abort" });
        // The delay (5 s) is longer than the call's deadline (1 s): every delayed call misses it.
        var delayed = await client.CallAsync(20, new Dictionary<string, string> { ["x-fault"] = "delay" }, deadlineMs: 1000);

        Assert.True(aborted.Error("UNAVAILABLE") + aborted.Count("v1") == 400, $"{kind} abort: {aborted}");
        Assert.InRange(aborted.Error("UNAVAILABLE"), 140, 260);
        Assert.True(delayed.Error("DEADLINE_EXCEEDED") == 20, $"{kind} delay: {delayed}");
    }

    private static string Routes(string service, params (string Subset, int Weight)[] routes)
    {
        var host = MeshFixture.Hostname(service);
        var destinations = string.Join("\n", routes.Select(r => $"""
                - destination:
                    host: {host}
                    subset: {r.Subset}
                  weight: {r.Weight}
            """));
        return $"""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: {service}
              namespace: default
            spec:
              hosts: [{host}]
              http:
              - route:
            {destinations}
            """;
    }

    /// <summary>Calls in batches of 20 until a batch satisfies <paramref name="done"/> (config has reached the client).</summary>
    private static Task UntilAsync(XdsClientProcess client, Func<ClientResult, bool> done, string what) =>
        Eventually.ValueAsync(() => client.CallAsync(20, deadlineMs: 1000), done, Converge, what);
}
