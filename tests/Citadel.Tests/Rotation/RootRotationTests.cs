using System.Net;
using System.Security.Cryptography.X509Certificates;
using ControlPlane.Citadel.Tests.Authentication;
using ControlPlane.Citadel.Tests.Support;
using ControlPlane.TestSupport;
using ControlPlane.Shared.Hosting;

namespace ControlPlane.Citadel.Tests.Rotation;

/// <summary>Root rotation on a running Citadel, triggered through the monitoring port.</summary>
public sealed class RootRotationTests
{
    private const string Ratings = "spiffe://cluster.local/ns/default/sa/ratings";

    [Fact]
    public async Task RotateRoot_DuringOverlap_BundleHoldsBothRootsAndLeavesFromBothVerify()
    {
        await using var citadel = await CitadelFixture.StartAsync();
        var oldRoot = citadel.RootBundle;
        using var before = await RenewalTests.IssueAsync(citadel, Ratings);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };

        var rotate = await http.PostAsync(new Uri(citadel.Host.Address(MeshPort.Monitoring), "/admin/rotate-root"), content: null);

        Assert.Equal(HttpStatusCode.OK, rotate.StatusCode);
        var bundle = citadel.RootBundle;
        var roots = new X509Certificate2Collection();
        roots.ImportFromPem(bundle);
        Assert.Equal(2, roots.Count);
        Assert.Contains(oldRoot.Trim(), bundle, StringComparison.Ordinal);
        Assert.Equal(bundle, await http.GetStringAsync(new Uri(citadel.Host.Address(MeshPort.Monitoring), "/debug/root-cert")));

        using var after = await RenewalTests.IssueAsync(citadel, Ratings);
        Assert.NotEqual(before.Issuer, after.Issuer);
        citadel.Write("before.pem", before.ExportCertificatePem());
        citadel.Write("after.pem", after.ExportCertificatePem());
        citadel.Write("bundle.pem", bundle);
        citadel.Write("old-root.pem", oldRoot);
        await OpenSsl.SucceedAsync(citadel.WorkDir, "verify", "-CAfile", "bundle.pem", "before.pem", "after.pem");
        var (code, _) = await OpenSsl.RunAsync(citadel.WorkDir, "verify", "-CAfile", "old-root.pem", "after.pem");
        Assert.NotEqual(0, code);

        // A workload still holding a leaf of the old root renews with it, over a TLS session it verifies with the bundle.
        using var renewing = citadel.Client(before);
        var renewed = await renewing.CreateAsync(Csr.Ec(Ratings).Pem);
        Assert.Equal(roots[0].ExportCertificatePem().Trim(), renewed.CertChain[^1].Trim());
    }

    [Fact]
    public async Task RotateRoot_PluginMode_IsRefusedWithConflict()
    {
        var cacerts = await ControlPlane.Citadel.Tests.Authority.PluginModeTests.MakeCacertsAsync();
        await using var citadel = await CitadelFixture.StartAsync("--plugin-cert-dir", cacerts);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };

        var rotate = await http.PostAsync(new Uri(citadel.Host.Address(MeshPort.Monitoring), "/admin/rotate-root"), content: null);

        Assert.Equal(HttpStatusCode.Conflict, rotate.StatusCode);
        Assert.Contains("--plugin-cert-dir", await rotate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
