using System.Text.Json.Nodes;
using ControlPlane.E2E.Tests.Support;
using ControlPlane.Pilot.Model;
using ControlPlane.TestSupport;

namespace ControlPlane.E2E.Tests;

/// <summary>
/// The newcomer's path from the README: with Meshd running, <c>meshctl cert request</c> and
/// <c>meshctl bootstrap</c> (both finding Meshd through its data directory) give the real Node
/// xDS client what it needs, and <c>meshctl proxy-status</c> then lists that client SYNCED.
/// </summary>
[Collection(ClientCollection.Name)]
public sealed class BootstrapTests(MeshFixture mesh)
{
    [Fact]
    public async Task Bootstrap_PrintedByMeshctl_ConnectsTheNodeClientWhichProxyStatusListsSynced()
    {
        const string service = "bootstrapped";
        await mesh.WriteConfigAsync($"{service}.yaml", mesh.ServiceWith(service, "v1"));
        var data = mesh.Host.DataDir;
        var certs = Path.Combine(mesh.WorkDir, $"certs-{Guid.NewGuid():N}");
        await MeshctlRunner.RunAsync("cert", "request", "--namespace", "default", "--service-account", "greeter", "--out", certs, "--data-dir", data);
        var pod = $"greeter-{Guid.NewGuid():N}"[..20];
        var json = await MeshctlRunner.RunAsync(
            "bootstrap", "--pod-name", pod, "--namespace", "default", "--ip", "127.0.0.1", "--labels", "app=greeter",
            "--cert-dir", certs, "--data-dir", data);
        var bootstrap = Path.Combine(mesh.WorkDir, $"{pod}.json");
        await File.WriteAllTextAsync(bootstrap, json);
        var node = JsonNode.Parse(json)!["node"]!;
        var nodeId = (string)node["id"]!;

        await using var client = XdsClientProcess.Start(ClientKind.Node, bootstrap, nodeId, $"xds:///{MeshFixture.Hostname(service)}:{MeshFixture.ServicePort}");
        await Eventually.TrueAsync(async () => (await client.CallAsync(5, deadlineMs: 1000)).Count("v1") == 5, TimeSpan.FromSeconds(45), "the bootstrapped client routed to v1");

        var status = await Eventually.ValueAsync(
            () => MeshctlRunner.RunAsync("proxy-status", "--data-dir", data),
            s => s.Split('\n').Any(l => l.StartsWith(nodeId, StringComparison.Ordinal) && l.Contains("SYNCED   SYNCED   SYNCED   SYNCED", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(20),
            "the bootstrapped client SYNCED for CDS, LDS, EDS and RDS");
        Assert.Equal($"sidecar~127.0.0.1~{pod}.default~default.svc.cluster.local", nodeId);
        Assert.Contains(MeshFixture.Hostname(service), await MeshctlRunner.RunAsync("proxy-config", "clusters", nodeId, "--data-dir", data), StringComparison.Ordinal);

        // What Pilot makes of the node is what the bootstrap meant: a gRPC client in default at 127.0.0.1.
        var metadata = node["metadata"]!.AsObject().Where(m => m.Value is JsonValue).ToDictionary(m => m.Key, m => (string)m.Value!);
        Assert.Equal(new ProxyInfo(nodeId, ProxyKind.Grpc, "default", "127.0.0.1"), ProxyInfo.Parse(nodeId, metadata));
        Assert.StartsWith("NAME", status, StringComparison.Ordinal);
    }
}
