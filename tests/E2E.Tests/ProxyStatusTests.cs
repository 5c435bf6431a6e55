using ControlPlane.E2E.Tests.Support;
using ControlPlane.Meshctl;
using ControlPlane.TestSupport;

namespace ControlPlane.E2E.Tests;

/// <summary><c>meshctl proxy-status</c> and <c>proxy-config</c> against Meshd with both real clients connected.</summary>
[Collection(ClientCollection.Name)]
public sealed class ProxyStatusTests(MeshFixture mesh)
{
    [Fact]
    public async Task ProxyStatus_BothRealClientsConnected_ShowsEveryTypeSynced()
    {
        const string service = "status";
        await mesh.WriteConfigAsync($"{service}.yaml", mesh.ServiceWith(service, "v1"));
        await using var node = mesh.StartClient(ClientKind.Node, service);
        await using var python = mesh.StartClient(ClientKind.Python, service);
        await Eventually.TrueAsync(async () => (await node.CallAsync(5, deadlineMs: 1000)).Count("v1") == 5, TimeSpan.FromSeconds(45), "node client routed");
        await Eventually.TrueAsync(async () => (await python.CallAsync(5, deadlineMs: 1000)).Count("v1") == 5, TimeSpan.FromSeconds(45), "python client routed");

        var status = await Eventually.ValueAsync(
            () => MeshctlAsync("proxy-status"),
            s => Row(s, node.NodeId).Contains("SYNCED   SYNCED   SYNCED   SYNCED", StringComparison.Ordinal)
                && Row(s, python.NodeId).Contains("SYNCED   SYNCED   SYNCED   SYNCED", StringComparison.Ordinal),
            TimeSpan.FromSeconds(20),
            "both clients SYNCED for CDS, LDS, EDS and RDS");
        Assert.StartsWith("NAME", status, StringComparison.Ordinal);

        var clusters = await MeshctlAsync("proxy-config", "clusters", python.NodeId);
        var endpoints = await MeshctlAsync("proxy-config", "endpoints", node.NodeId);
        var routes = await MeshctlAsync("proxy-config", "routes", node.NodeId, "-o", "json");
        Assert.Contains(MeshFixture.Hostname(service), clusters, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{mesh.Backends["v1"].Port}   HEALTHY", endpoints, StringComparison.Ordinal);
        Assert.Contains("\"virtualHosts\"", routes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProxyConfig_UnknownProxy_FailsWithAClearMessage()
    {
        var error = new StringWriter();
        var code = await MeshctlCommand.InvokeAsync(["proxy-config", "clusters", "nobody", "--monitoring-address", mesh.MonitoringAddress.Authority], new StringWriter(), error);

        Assert.Equal(1, code);
        Assert.Contains("proxy not found", error.ToString(), StringComparison.Ordinal);
    }

    private async Task<string> MeshctlAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await MeshctlCommand.InvokeAsync([.. args, "--monitoring-address", mesh.MonitoringAddress.Authority], output, error);
        Assert.True(code == 0, $"meshctl {string.Join(' ', args)} exited {code}: {error}");
        return output.ToString();
    }

    private static string Row(string table, string nodeId) =>
        table.Split('\n').FirstOrDefault(l => l.StartsWith(nodeId, StringComparison.Ordinal)) ?? string.Empty;
}
