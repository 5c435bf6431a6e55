using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using ControlPlane.Shared.Hosting;
using ControlPlane.TestSupport;

namespace ControlPlane.Meshd.Tests;

/// <summary>One <c>--trust-domain</c> (and <c>--cluster-domain</c>) for the whole process: Citadel's certificates and Pilot's endpoint identities agree.</summary>
public sealed class MeshdIdentityTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Meshd_WithATrustDomain_CitadelIssuesAndPilotNamesIdentitiesInIt()
    {
        var dir = TempDirectory.Create("meshd-identity");
        await File.WriteAllTextAsync(Path.Combine(dir, "api.yaml"), """
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata: {name: api, namespace: shop}
            spec:
              hosts: [api]
              location: MESH_INTERNAL
              resolution: STATIC
              ports: [{number: 80, name: http, protocol: HTTP}]
              workloadSelector: {labels: {app: api}}
            ---
            apiVersion: networking.istio.io/v1
            kind: WorkloadEntry
            metadata: {name: api-1, namespace: shop}
            spec: {address: 10.0.0.1, labels: {app: api}, serviceAccount: api}
            """);
        await using var host = await TestHost.StartAsync(MeshdHost.Definition,
            "--config-dir", dir, "--trust-domain", "example.org", "--cluster-domain", "corp.internal");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        var registry = await Eventually.ValueAsync(
            () => http.GetStringAsync(new Uri(host.Address(MeshPort.Monitoring), "/debug/registryz")),
            text => text.Contains("api.shop.svc.corp.internal", StringComparison.Ordinal),
            Wait,
            "Pilot's registry to hold the ServiceEntry");
        var serving = await ServingCertificateAsync(host.Ports.BoundPort(MeshPort.Ca));
        using var root = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(Path.Combine(host.DataDir, "root-cert.pem")));

        Assert.Contains("\"spiffe://example.org/ns/shop/sa/api\"", registry, StringComparison.Ordinal);
        Assert.DoesNotContain("spiffe://cluster.local", registry, StringComparison.Ordinal);
        Assert.Contains("spiffe://example.org/ns/istio-system/sa/citadel", SubjectAltNames(serving), StringComparison.Ordinal);
        Assert.Contains("O=example.org", root.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Meshd_WithABadTrustDomain_FailsNamingTheFlag()
    {
        var error = await Assert.ThrowsAsync<MeshUsageException>(() => TestHost.StartAsync(MeshdHost.Definition, "--trust-domain", "Not A Domain"));

        Assert.StartsWith("--trust-domain: 'Not A Domain'", error.Message, StringComparison.Ordinal);
    }

    private static async Task<X509Certificate2> ServingCertificateAsync(int port)
    {
        using var timeout = new CancellationTokenSource(Wait);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", port, timeout.Token);
        X509Certificate2? seen = null;
        await using var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false, (_, certificate, _, _) =>
        {
            seen = certificate is null ? null : new X509Certificate2(certificate);
            return true;
        });
        await tls.AuthenticateAsClientAsync(
            new SslClientAuthenticationOptions { TargetHost = "localhost", ApplicationProtocols = [SslApplicationProtocol.Http2] },
            timeout.Token);
        return seen ?? throw new InvalidOperationException("the CA port presented no certificate");
    }

    private static string SubjectAltNames(X509Certificate2 certificate) =>
        certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single().Format(multiLine: false);
}
