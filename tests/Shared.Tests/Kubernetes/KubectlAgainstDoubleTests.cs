using System.Text.Json.Nodes;
using ControlPlane.TestSupport;
using ControlPlane.TestSupport.Kubernetes;

namespace ControlPlane.Shared.Tests.Kubernetes;

/// <summary>
/// The real kubectl v1.33 drives the API double: what it does here it does against a real cluster,
/// which keeps the double honest. (kubectl runs with --validate=false: the double serves no OpenAPI.)
/// </summary>
public sealed class KubectlAgainstDoubleTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private KubeApiDouble _api = null!;
    private Kubectl _kubectl = null!;

    public async Task InitializeAsync()
    {
        _api = await KubeApiDouble.StartAsync();
        _kubectl = new Kubectl(_api.WriteKubeconfig(TempDirectory.Create("kubeconfig")));
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Apply_CreatesThenChanges_AndGetShowsEachVersion(KubectlManifest kind)
    {
        Assert.Contains("created", await _kubectl.ApplyAsync(kind.Created));
        Assert.Equal(kind.CreatedValue, await JsonPathAsync(kind.Resource, kind.Name, kind.JsonPath));

        Assert.Contains("configured", await _kubectl.ApplyAsync(kind.Changed));
        Assert.Equal(kind.ChangedValue, await JsonPathAsync(kind.Resource, kind.Name, kind.JsonPath));
        Assert.Contains("unchanged", await _kubectl.ApplyAsync(kind.Changed));

        var listing = await _kubectl.SucceedAsync("get", kind.Resource);
        Assert.Matches($"(?m)^NAME\\s.*\\n{kind.Name}\\s", listing);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Delete_RemovesTheObject_AndGetThenSaysNotFound(KubectlManifest kind)
    {
        await _kubectl.ApplyAsync(kind.Created);

        Assert.Contains("deleted", await _kubectl.SucceedAsync("delete", kind.Resource, kind.Name));

        var (code, output) = await _kubectl.RunAsync("get", kind.Resource, kind.Name);
        Assert.Equal(1, code);
        Assert.Contains($"Error from server (NotFound): {kind.Resource} \"{kind.Name}\" not found", output);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task GetWatch_SeesAChangeMadeThroughTheApi(KubectlManifest kind)
    {
        await _kubectl.ApplyAsync(kind.Created);
        await using var watch = _kubectl.Start("get", kind.Resource, "--watch", "-o", "jsonpath={.metadata.name}={.metadata.resourceVersion}{\"\\n\"}");
        var before = _api.ResourceVersion;
        await Eventually.TrueAsync(() => watch.Output.Contains($"{kind.Name}=", StringComparison.Ordinal), Timeout, "kubectl to list the existing object");

        await _kubectl.ApplyAsync(kind.Changed);

        Assert.True(_api.ResourceVersion > before);
        await Eventually.TrueAsync(() => watch.Output.Contains($"{kind.Name}={_api.ResourceVersion}", StringComparison.Ordinal), Timeout, "kubectl --watch to print the changed object");
        Assert.Contains(_api.Requests, r => r.IsWatch && r.Parameter("resourceVersion") == before.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task GetWithALabelSelector_ListsOnlyTheMatchingObjects()
    {
        await _kubectl.ApplyAsync(KubectlManifests.Pod.Created);
        _api.Seed("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"ratings-v1","namespace":"default","labels":{"app":"ratings"}}}""");

        Assert.Equal("pod/reviews-v1", (await _kubectl.SucceedAsync("get", "pods", "-l", "app=reviews", "-o", "name")).Trim());
        Assert.Equal("pod/ratings-v1", (await _kubectl.SucceedAsync("get", "pods", "-l", "app!=reviews", "-o", "name")).Trim());
    }

    [Fact]
    public async Task ApplyOfAStaleObject_FailsWithTheConflict_AndForceReplacesIt()
    {
        await _kubectl.ApplyAsync(KubectlManifests.Service.Created);
        var stale = await _kubectl.SucceedAsync("get", "services", "reviews", "-o", "json");
        await _kubectl.ApplyAsync(KubectlManifests.Service.Changed);
        var edited = JsonNode.Parse(stale)!;
        edited["spec"]!["ports"]![0]!["port"] = 9999;
        var file = Path.Combine(TempDirectory.Create("stale"), "stale.json");
        await File.WriteAllTextAsync(file, edited.ToJsonString());

        var (code, output) = await _kubectl.RunAsync("apply", "--validate=false", "-f", file);

        Assert.Equal(1, code);
        Assert.Contains("Error from server (Conflict)", output);
        Assert.Contains("Operation cannot be fulfilled on services \"reviews\": the object has been modified; please apply your changes to the latest version and try again", output);
        Assert.Equal("9080 9090", await JsonPathAsync("services", "reviews", "{.spec.ports[*].port}"));

        Assert.Contains("configured", await _kubectl.SucceedAsync("apply", "--validate=false", "--force", "-f", file));
        Assert.Equal("9999", await JsonPathAsync("services", "reviews", "{.spec.ports[*].port}"));
    }

    [Fact]
    public async Task CreateOfAnExistingObject_SaysAlreadyExists()
    {
        var file = Path.Combine(TempDirectory.Create("create"), "vs.yaml");
        await File.WriteAllTextAsync(file, KubectlManifests.VirtualService.Created);
        await _kubectl.SucceedAsync("create", "--validate=false", "-f", file);

        var (code, output) = await _kubectl.RunAsync("create", "--validate=false", "-f", file);

        Assert.Equal(1, code);
        Assert.Contains("Error from server (AlreadyExists)", output);
        Assert.Contains("virtualservices.networking.istio.io \"reviews\" already exists", output);
    }

    [Fact]
    public async Task TokenReview_AnswersFromTheTable_WithTheReviewedServiceAccount()
    {
        _api.AddToken("token-of-reviews", KubeTokenIdentity.ServiceAccount("default", "reviews", "istio-ca"));
        var file = Path.Combine(TempDirectory.Create("tokenreview"), "review.yaml");
        await File.WriteAllTextAsync(file, """
            apiVersion: authentication.k8s.io/v1
            kind: TokenReview
            spec: {token: token-of-reviews, audiences: [istio-ca]}
            """);

        var review = JsonNode.Parse(await _kubectl.SucceedAsync("create", "--validate=false", "-f", file, "-o", "json"))!;

        Assert.True(review["status"]!["authenticated"]!.GetValue<bool>());
        Assert.Equal("system:serviceaccount:default:reviews", review["status"]!["user"]!["username"]!.GetValue<string>());
    }

    private async Task<string> JsonPathAsync(string resource, string name, string path) =>
        (await _kubectl.SucceedAsync("get", resource, name, "-o", "jsonpath=" + path)).TrimEnd('\n');

    public static TheoryData<KubectlManifest> Kinds() => KubectlManifests.All;
}
