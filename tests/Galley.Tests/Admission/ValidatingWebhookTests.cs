using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ControlPlane.Shared.Hosting;
using ControlPlane.TestSupport;

namespace ControlPlane.Galley.Tests.Admission;

public sealed class ValidatingWebhookTests
{
    [Fact]
    public async Task Validate_ValidVirtualServiceOverHttps_IsAllowedWithItsUid()
    {
        var cert = SelfSignedCertificate.Create();
        await using var host = await StartAsync(cert);
        using var client = SelfSignedCertificate.PinnedClient(cert.Thumbprint);

        var review = await PostAsync(client, host, AdmissionReviews.Review("0d3c5e6a-1", "CREATE", "networking.istio.io", "VirtualService", AdmissionReviews.ValidReviews));

        Assert.Equal("admission.k8s.io/v1", (string?)review["apiVersion"]);
        Assert.Equal("AdmissionReview", (string?)review["kind"]);
        Assert.Equal("0d3c5e6a-1", (string?)review["response"]!["uid"]);
        Assert.True((bool)review["response"]!["allowed"]!);
        Assert.Null(review["response"]!["status"]);
    }

    [Fact]
    public async Task Validate_InvalidVirtualServiceOverHttps_IsDeniedWithTheCliMessages()
    {
        var cert = SelfSignedCertificate.Create();
        await using var host = await StartAsync(cert);
        using var client = SelfSignedCertificate.PinnedClient(cert.Thumbprint);

        var review = await PostAsync(client, host, AdmissionReviews.Review("7f1e-2", "UPDATE", "networking.istio.io", "VirtualService", AdmissionReviews.InvalidReviews, ns: "bookinfo"));

        var response = review["response"]!;
        Assert.Equal("7f1e-2", (string?)response["uid"]);
        Assert.False((bool)response["allowed"]!);
        Assert.Equal(400, (int)response["status"]!["code"]!);
        Assert.Equal(
            "configuration is invalid: VirtualService bookinfo/reviews: spec.http[0].route: total destination weight 90 != 100\n"
            + "VirtualService bookinfo/reviews: spec.tcp[0].route: TCP route is required",
            (string?)response["status"]!["message"]);
    }

    [Theory]
    [InlineData("DELETE", "networking.istio.io", "VirtualService")]
    [InlineData("CREATE", "apps", "Deployment")]
    [InlineData("CREATE", "telemetry.istio.io", "Telemetry")]
    public async Task Validate_DeleteOrKindsGalleyDoesNotModel_AreAllowed(string operation, string group, string kind)
    {
        var cert = SelfSignedCertificate.Create();
        await using var host = await StartAsync(cert);
        using var client = SelfSignedCertificate.PinnedClient(cert.Thumbprint);

        var review = await PostAsync(client, host, AdmissionReviews.Review("u-3", operation, group, kind, AdmissionReviews.InvalidReviews));

        Assert.Equal("u-3", (string?)review["response"]!["uid"]);
        Assert.True((bool)review["response"]!["allowed"]!);
    }

    [Fact]
    public async Task Validate_BodyThatIsNotAnAdmissionReview_Is400AndNonJsonIs415()
    {
        var cert = SelfSignedCertificate.Create();
        await using var host = await StartAsync(cert);
        using var client = SelfSignedCertificate.PinnedClient(cert.Thumbprint);
        var url = new Uri(host.Address(MeshPort.Webhook, "https"), "/validate");

        var notJson = await client.PostAsync(url, new StringContent("hello", Encoding.UTF8, "text/plain"));
        var badJson = await client.PostAsync(url, new StringContent("{\"request\":", Encoding.UTF8, "application/json"));
        var noRequest = await client.PostAsync(url, new StringContent("{\"apiVersion\":\"admission.k8s.io/v1\"}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notJson.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badJson.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noRequest.StatusCode);
    }

    [Fact]
    public async Task Start_WithoutCertificateFlags_DoesNotServeTheWebhookPort()
    {
        await using var host = await TestHost.StartAsync(GalleyHost.Definition);

        Assert.Null(host.Ports.Find(MeshPort.Webhook));
    }

    [Fact]
    public async Task Start_CertificateWithoutKey_IsAUsageError()
    {
        var cert = SelfSignedCertificate.Create();

        var error = await Assert.ThrowsAsync<MeshUsageException>(() => TestHost.StartAsync(GalleyHost.Definition, "--webhook-cert", cert.CertFile));

        Assert.Equal("--webhook-cert and --webhook-key must be given together", error.Message);
    }

    [Fact]
    public async Task Start_CertificateThatDoesNotLoad_IsAUsageErrorNamingBothFlags()
    {
        var cert = SelfSignedCertificate.Create();
        var missingKey = Path.Combine(TempDirectory.Create("webhook-options"), "missing-key.pem");

        var error = await Assert.ThrowsAsync<MeshUsageException>(() => TestHost.StartAsync(GalleyHost.Definition, "--webhook-cert", cert.CertFile, "--webhook-key", missingKey));

        Assert.StartsWith($"--webhook-cert {cert.CertFile} / --webhook-key {missingKey}: cannot load the certificate and key:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handshake_AfterTheFilesAreRewritten_PresentsTheNewCertificate()
    {
        var first = SelfSignedCertificate.Create("CN=first");
        await using var host = await StartAsync(first);
        var second = SelfSignedCertificate.Create("CN=second", Path.GetDirectoryName(first.CertFile));

        var seen = new List<string>();
        using var client = SelfSignedCertificate.PinnedClient(second.Thumbprint, seen.Add);
        var review = await PostAsync(client, host, AdmissionReviews.Review("u-4", "CREATE", "networking.istio.io", "VirtualService", AdmissionReviews.ValidReviews));

        Assert.Equal([second.Thumbprint], seen);
        Assert.True((bool)review["response"]!["allowed"]!);
    }

    private static Task<TestHost> StartAsync(SelfSignedCertificate cert) =>
        TestHost.StartAsync(GalleyHost.Definition, "--webhook-cert", cert.CertFile, "--webhook-key", cert.KeyFile);

    private static async Task<JsonNode> PostAsync(HttpClient client, TestHost host, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await client.PostAsync(new Uri(host.Address(MeshPort.Webhook, "https"), "/validate"), content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }
}
