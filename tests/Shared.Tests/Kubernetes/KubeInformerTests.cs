using System.Collections.Concurrent;
using ControlPlane.Shared.Kubernetes;
using ControlPlane.Shared.Tests.Support;
using ControlPlane.TestSupport;
using ControlPlane.TestSupport.Kubernetes;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace ControlPlane.Shared.Tests.Kubernetes;

/// <summary>The informer against the API double: every change once and in order, through watch ends, 410s and outages.</summary>
public sealed class KubeInformerTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly ConcurrentQueue<string> _changes = new();
    private readonly RecordingLogger _log = new();
    private readonly CancellationTokenSource _stop = new();
    private KubeApiDouble _api = null!;
    private k8s.Kubernetes _client = null!;
    private KubeInformerMetrics _metrics = null!;
    private KubeInformer<V1Service> _informer = null!;
    private Task _running = Task.CompletedTask;

    public async Task InitializeAsync()
    {
        _api = await KubeApiDouble.StartAsync();
        _api.BookmarkInterval = TimeSpan.FromMilliseconds(200);
        _client = new k8s.Kubernetes(new KubernetesClientConfiguration { Host = _api.BaseAddress.ToString() });
        _metrics = new KubeInformerMetrics(Metrics.WithCustomRegistry(Metrics.NewCustomRegistry()));
        var options = new KubeInformerOptions { InitialBackoff = TimeSpan.FromMilliseconds(50), MaxBackoff = TimeSpan.FromMilliseconds(200) };
        _informer = new KubeInformer<V1Service>(KubeResources.Services(_client), c => _changes.Enqueue($"{c.Type} {c.Object.Metadata.Name}"), options, _metrics, _log);
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _running.WaitAsync(Timeout);
        _client.Dispose();
        await _api.DisposeAsync();
        _stop.Dispose();
    }

    [Fact]
    public async Task AddUpdateDelete_ArriveOnceAndInOrder()
    {
        Seed("reviews", 9080);
        await StartAsync();

        Seed("reviews", 9081);
        Seed("ratings", 9080);
        _api.Delete("v1", "Service", "default", "reviews");
        await ChangesAsync("Added reviews", "Modified reviews", "Added ratings", "Deleted reviews");

        Seed("sentinel", 1);
        await ChangesAsync("Added reviews", "Modified reviews", "Added ratings", "Deleted reviews", "Added sentinel");
        Assert.Equal(["ratings", "sentinel"], _informer.Items.Select(s => s.Metadata.Name).Order());
    }

    [Fact]
    public async Task AForced410MidStream_RelistsWithoutSpuriousChanges_AndLaterChangesArrive()
    {
        Seed("reviews", 9080);
        Seed("ratings", 9080);
        await StartAsync();

        _api.ForceCompaction();
        await Eventually.TrueAsync(() => _api.Requests.Count(r => r.IsList("services")) == 2, Timeout, "the informer to list again after 410");
        Seed("details", 9080);

        await ChangesAsync("Added ratings", "Added reviews", "Added details");
        Assert.Equal(1, _metrics.Relists.WithLabels("services").Value);
        Assert.Contains(_log.Lines.ToList(), l => l.Message.Contains("expired (410 Gone); listing again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AWatchThatEnds_IsResumedFromTheLastResourceVersion_WithoutAList()
    {
        Seed("reviews", 9080);
        await StartAsync();
        Seed("reviews", 9081);
        await ChangesAsync("Added reviews", "Modified reviews");
        var lastSeen = _informer.ResourceVersion;

        _api.CloseWatches();
        await Eventually.TrueAsync(() => _api.Requests.Count(r => r.IsWatchOf("services")) == 2, Timeout, "a second watch");
        Seed("reviews", 9082);

        await ChangesAsync("Added reviews", "Modified reviews", "Modified reviews");
        Assert.Equal(1, _api.Requests.Count(r => r.IsList("services")));
        var watches = _api.Requests.Where(r => r.IsWatchOf("services")).ToList();
        Assert.True(long.Parse(watches[1].Parameter("resourceVersion")!, System.Globalization.CultureInfo.InvariantCulture) >= long.Parse(lastSeen!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.All(watches, w => Assert.Equal("true", w.Parameter("allowWatchBookmarks")));
        Assert.Equal(1, _metrics.WatchRestarts.WithLabels("services").Value);
    }

    [Fact]
    public async Task Bookmarks_MoveTheResumePoint_WithoutEvents()
    {
        Seed("reviews", 9080);
        await StartAsync();

        _api.Seed("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"other","namespace":"default"}}""");
        var other = _api.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);

        await Eventually.TrueAsync(() => _informer.ResourceVersion == other, Timeout, "a bookmark at the ConfigMap's resourceVersion");
        Assert.Equal(["Added reviews"], _changes);
    }

    [Fact]
    public async Task TheApiServerDownThenUp_Recovers_DiffsTheRelist_AndLogsTheOutageOnce()
    {
        Seed("reviews", 9080);
        Seed("ratings", 9080);
        Seed("details", 9080);
        await StartAsync();

        await _api.StopAsync();
        await Eventually.TrueAsync(() => _metrics.Failures.WithLabels("services").Value >= 3, Timeout, "several failed retries while the server is down");
        Seed("reviews", 9081);
        _api.Delete("v1", "Service", "default", "ratings");
        _api.ForceCompaction();
        _api.AnswerGoneWithHttpStatus = true;
        await _api.RestartAsync();

        await ChangesAsync("Added details", "Added ratings", "Added reviews", "Modified reviews", "Deleted ratings");
        Seed("productpage", 9080);
        await ChangesAsync("Added details", "Added ratings", "Added reviews", "Modified reviews", "Deleted ratings", "Added productpage");
        var lines = _log.Lines.ToList();
        Assert.Single(lines, l => l.Level == LogLevel.Warning);
        Assert.Single(lines, l => l.Message.Contains("recovered after", StringComparison.Ordinal));
        Assert.Equal(1, _metrics.Synced.WithLabels("services").Value);
    }

    [Fact]
    public async Task ACustomResourceInformer_SyncsTheIstioKind_AndSeesItsChanges()
    {
        var changes = new ConcurrentQueue<string>();
        _api.Seed("""{"apiVersion":"networking.istio.io/v1","kind":"VirtualService","metadata":{"name":"reviews","namespace":"default"},"spec":{"hosts":["reviews"]}}""");
        var informer = new KubeInformer<KubeCustomObject>(KubeResources.Custom(_client, "networking.istio.io", "v1", "virtualservices"), c => changes.Enqueue($"{c.Type} {c.Object.Metadata.Name} {c.Object.Spec?.GetProperty("hosts")[0]}"), new KubeInformerOptions(), _metrics, _log);
        _running = informer.RunAsync(_stop.Token);
        await informer.Synced.WaitAsync(Timeout);

        _api.Seed("""{"apiVersion":"networking.istio.io/v1","kind":"VirtualService","metadata":{"name":"reviews","namespace":"default"},"spec":{"hosts":["reviews.default.svc.cluster.local"]}}""");

        await Eventually.TrueAsync(() => changes.Count == 2, Timeout, "the change to the VirtualService");
        Assert.Equal(["Added reviews reviews", "Modified reviews reviews.default.svc.cluster.local"], changes);
    }

    [Fact]
    public async Task AResourceTheServerDoesNotServe_IsRetried_AndSyncsOnceItIsInstalled()
    {
        var installed = _api.Catalog.Types.Single(t => t.Plural == "ratelimitconfigs");
        _api.Catalog.Remove("policy.meshd.io", "ratelimitconfigs");
        var informer = new KubeInformer<KubeCustomObject>(KubeResources.Custom(_client, "policy.meshd.io", "v1alpha1", "ratelimitconfigs"), _ => { }, new KubeInformerOptions { InitialBackoff = TimeSpan.FromMilliseconds(50), MaxBackoff = TimeSpan.FromMilliseconds(100) }, _metrics, _log);
        _running = informer.RunAsync(_stop.Token);
        await Eventually.TrueAsync(() => _metrics.Failures.WithLabels("ratelimitconfigs.policy.meshd.io").Value >= 2, Timeout, "retries of the missing type");
        Assert.False(informer.HasSynced);
        Assert.Contains(_log.Lines.ToList(), l => l.Level == LogLevel.Warning && l.Message.Contains("does not serve ratelimitconfigs.policy.meshd.io (404; is its CRD installed?)", StringComparison.Ordinal));

        _api.Catalog.Add(installed);

        await informer.Synced.WaitAsync(Timeout);
    }

    private async Task StartAsync()
    {
        _running = _informer.RunAsync(_stop.Token);
        await _informer.Synced.WaitAsync(Timeout);

        // Synced means listed; the watch that follows may not be open yet, and a compaction or close
        // forced before it opens would (rightly) not reach it.
        await Eventually.TrueAsync(() => _api.OpenWatches >= 1, Timeout, "the informer's watch to open");
    }

    private async Task ChangesAsync(params string[] expected)
    {
        await Eventually.TrueAsync(() => _changes.Count >= expected.Length, Timeout, $"{expected.Length} changes; have {string.Join(", ", _changes)}");
        Assert.Equal(expected, _changes);
    }

    private void Seed(string name, int port) =>
        _api.Seed($$$"""{"apiVersion":"v1","kind":"Service","metadata":{"name":"{{{name}}}","namespace":"default"},"spec":{"ports":[{"port":{{{port}}}}]}}""");
}
