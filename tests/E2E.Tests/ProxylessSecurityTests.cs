using System.Text.Json.Nodes;
using ControlPlane.E2E.Tests.Support;
using ControlPlane.TestSupport;

namespace ControlPlane.E2E.Tests;

/// <summary>
/// What Pilot sends for mTLS and authorization, proven with the real grpc-js-xds: an xDS-enabled
/// server (XdsServer, XdsServerCredentials, RBAC on) and clients (XdsChannelCredentials or plain
/// insecure), each with a certificate from Citadel and a bootstrap from <c>meshctl</c>. The server
/// is a WorkloadEntry marked as running the agent (<c>security.istio.io/tlsMode: istio</c>), so
/// clients get mTLS by auto-mTLS when it is STRICT.
/// </summary>
[Collection(ClientCollection.Name)]
public sealed class ProxylessSecurityTests(MeshFixture mesh)
{
    private const string ClientA = "spiffe://cluster.local/ns/default/sa/client-a";
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task Strict_MtlsClientReachesTheServerWhichSeesItsSpiffeId_AndAPlaintextClientFails()
    {
        var service = Unique("strict");
        await using var server = await StartServerAsync(service, "STRICT");
        await using var secure = await StartClientAsync(service, "client-a", xdsCredentials: true);
        await using var plain = await StartClientAsync(service, "client-c", xdsCredentials: false);

        await Eventually.TrueAsync(async () => (await secure.CallAsync(5, deadlineMs: 2000)).Count(ClientA) == 5, Settle, "the mTLS client reached the STRICT server as client-a");
        var plaintext = await plain.CallAsync(5, deadlineMs: 2000);
        Assert.True(plaintext.Counts.Count == 0 && plaintext.Errors.Values.Sum() == 5, $"a plaintext client must not reach a STRICT server: {plaintext}");
    }

    [Fact]
    public async Task Permissive_ServesPlaintextAndMtlsCapableClientsAlike()
    {
        var service = Unique("permissive");
        await using var server = await StartServerAsync(service, "PERMISSIVE");
        await using var secure = await StartClientAsync(service, "client-a", xdsCredentials: true);
        await using var plain = await StartClientAsync(service, "client-c", xdsCredentials: false);

        // A gRPC server cannot sniff TLS (A36 skips transport_protocol "tls" chains), so PERMISSIVE
        // serves plaintext and auto-mTLS keeps clients of a PERMISSIVE server on plaintext.
        await Eventually.TrueAsync(async () => (await plain.CallAsync(5, deadlineMs: 2000)).Count("plaintext") == 5, Settle, "the plaintext client reached the PERMISSIVE server");
        await Eventually.TrueAsync(async () => (await secure.CallAsync(5, deadlineMs: 2000)).Count("plaintext") == 5, Settle, "the client with xDS credentials reached the PERMISSIVE server");
    }

    [Fact]
    public async Task AuthorizationPolicy_AllowsOnlyClientAOnHello_ADenyOnAHeaderWins_AndEditsApplyWithoutRestart()
    {
        var service = Unique("authz");
        await using var server = await StartServerAsync(service, "STRICT");
        await mesh.WriteConfigAsync($"{service}-authz.yaml", Allow(service, "client-a"));
        await using var clientA = await StartClientAsync(service, "client-a", xdsCredentials: true);
        await using var clientB = await StartClientAsync(service, "client-b", xdsCredentials: true);

        await Eventually.TrueAsync(async () => (await clientA.CallAsync(5, deadlineMs: 2000)).Count(ClientA) == 5, Settle, "client-a allowed");
        await Eventually.TrueAsync(async () => (await clientB.CallAsync(5, deadlineMs: 2000)).Error("PERMISSION_DENIED") == 5, Settle, "client-b denied");

        await mesh.WriteConfigAsync($"{service}-authz.yaml", Allow(service, "client-a") + "\n---\n" + DenyHeader(service));
        var blocked = new Dictionary<string, string> { ["x-block"] = "yes" };
        await Eventually.TrueAsync(async () => (await clientA.CallAsync(5, blocked, deadlineMs: 2000)).Error("PERMISSION_DENIED") == 5, Settle, "the DENY on x-block wins over client-a's ALLOW");
        Assert.Equal(5, (await clientA.CallAsync(5, deadlineMs: 2000)).Count(ClientA));

        await mesh.WriteConfigAsync($"{service}-authz.yaml", Allow(service, "client-b"));
        await Eventually.TrueAsync(async () => (await clientB.CallAsync(5, deadlineMs: 2000)).Count("spiffe://cluster.local/ns/default/sa/client-b") == 5, Settle, "the edited policy lets client-b in, no restart");
        await Eventually.TrueAsync(async () => (await clientA.CallAsync(5, deadlineMs: 2000)).Error("PERMISSION_DENIED") == 5, Settle, "the edited policy keeps client-a out");
    }

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    private async Task<XdsServerProcess> StartServerAsync(string service, string mode)
    {
        var port = XdsServerProcess.FreePort();
        await mesh.WriteConfigAsync($"{service}.yaml", $$"""
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata: {name: {{service}}, namespace: default}
            spec:
              hosts: [{{MeshFixture.Hostname(service)}}]
              location: MESH_INTERNAL
              resolution: STATIC
              ports: [{number: {{MeshFixture.ServicePort}}, name: grpc, protocol: GRPC}]
              workloadSelector: {labels: {app: {{service}} } }
            ---
            apiVersion: networking.istio.io/v1
            kind: WorkloadEntry
            metadata: {name: {{service}}, namespace: default}
            spec:
              address: 127.0.0.1
              ports: {grpc: {{port}} }
              serviceAccount: server
              labels: {app: {{service}}, security.istio.io/tlsMode: istio}
            ---
            apiVersion: security.istio.io/v1
            kind: PeerAuthentication
            metadata: {name: {{service}}, namespace: default}
            spec:
              selector: {matchLabels: {app: {{service}} } }
              mtls: {mode: {{mode}} }
            """);
        var (bootstrap, _) = await WorkloadAsync("server", $"app={service}");
        var server = XdsServerProcess.Start(bootstrap, port);
        await server.WaitServingAsync(Settle);
        return server;
    }

    private async Task<XdsClientProcess> StartClientAsync(string service, string serviceAccount, bool xdsCredentials)
    {
        var (bootstrap, nodeId) = await WorkloadAsync(serviceAccount, $"app={serviceAccount}");
        return XdsClientProcess.Start(ClientKind.Node, bootstrap, nodeId, $"xds:///{MeshFixture.Hostname(service)}:{MeshFixture.ServicePort}", xdsCredentials);
    }

    /// <summary>A certificate for <paramref name="serviceAccount"/> from Citadel and a bootstrap naming it, both through meshctl.</summary>
    private async Task<(string Bootstrap, string NodeId)> WorkloadAsync(string serviceAccount, string labels)
    {
        var data = mesh.Host.DataDir;
        var pod = $"{serviceAccount}-{Guid.NewGuid():N}"[..(serviceAccount.Length + 9)];
        var certs = Path.Combine(mesh.WorkDir, $"certs-{pod}");
        await MeshctlRunner.RunAsync("cert", "request", "--namespace", "default", "--service-account", serviceAccount, "--out", certs, "--data-dir", data);
        var json = await MeshctlRunner.RunAsync("bootstrap", "--pod-name", pod, "--namespace", "default", "--ip", "127.0.0.1", "--labels", labels, "--cert-dir", certs, "--data-dir", data);
        var bootstrap = Path.Combine(mesh.WorkDir, $"{pod}.json");
        await File.WriteAllTextAsync(bootstrap, json);
        return (bootstrap, (string)JsonNode.Parse(json)!["node"]!["id"]!);
    }

    private static string Allow(string service, string serviceAccount) => $$"""
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata: {name: {{service}}-allow, namespace: default}
        spec:
          selector: {matchLabels: {app: {{service}} } }
          action: ALLOW
          rules:
          - from: [{source: {principals: [cluster.local/ns/default/sa/{{serviceAccount}}]} }]
            to: [{operation: {paths: [/e2e.Echo/Hello]} }]
        """;

    private static string DenyHeader(string service) => $$"""
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata: {name: {{service}}-deny, namespace: default}
        spec:
          selector: {matchLabels: {app: {{service}} } }
          action: DENY
          rules:
          - when: [{key: "request.headers[x-block]", values: ["yes"]}]
        """;
}
