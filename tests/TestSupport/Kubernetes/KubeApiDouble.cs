using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace ControlPlane.TestSupport.Kubernetes;

/// <summary>
/// An in-process Kubernetes API server double on 127.0.0.1 (plain HTTP, a free port) with the real
/// server's semantics for what the control plane uses: discovery, one global resourceVersion,
/// list, watch (bookmarks, timeouts, 410 Gone after a compaction), create, update, patch (merge and
/// strategic merge), delete, status subresources, Status error bodies and TokenReview. Tests seed
/// objects, force a compaction, take the server down and up, and inspect the requests it received.
/// The real kubectl drives it in the Shared tests, which keeps it honest. Not served: OpenAPI
/// (kubectl needs <c>--validate=false</c>), server-side Table printing (kubectl prints NAME and AGE),
/// server-side apply, JSON patch, list chunking (<c>limit</c> is ignored: one page), deletecollection,
/// and namespace finalization (a namespace is deleted at once, its objects stay).
/// </summary>
public sealed class KubeApiDouble : IAsyncDisposable
{
    private static readonly string[] InitialNamespaces = ["default", "kube-system", "kube-public", "istio-system"];
    private readonly ConcurrentQueue<KubeRecordedRequest> _requests = new();
    private CancellationTokenSource _stopping = new();
    private WebApplication? _app;

    private KubeApiDouble(KubeResourceCatalog catalog)
    {
        Catalog = catalog;
        foreach (var ns in InitialNamespaces)
        {
            Seed(new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = ns } });
        }
    }

    private int _openWatches;

    public KubeResourceCatalog Catalog { get; }

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>How often a watch that allows bookmarks gets one (the real server: about a minute).</summary>
    public TimeSpan BookmarkInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a watch without <c>timeoutSeconds</c> stays open.</summary>
    public TimeSpan DefaultWatchTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// How a watch from a compacted resourceVersion is refused: by default as the watch cache does
    /// (HTTP 200, then an ERROR event carrying 410 Expired); when set, as an HTTP 410 Status response.
    /// </summary>
    public bool AnswerGoneWithHttpStatus { get; set; }

    /// <summary>The current global resourceVersion.</summary>
    public long ResourceVersion => Store.Revision;

    public IReadOnlyList<KubeRecordedRequest> Requests => [.. _requests];

    internal KubeStore Store { get; } = new();

    internal KubeTokenReviewer Tokens { get; } = new();

    internal CancellationToken Stopping => _stopping.Token;

    public static async Task<KubeApiDouble> StartAsync(KubeResourceCatalog? catalog = null)
    {
        var server = new KubeApiDouble(catalog ?? KubeResourceCatalog.CreateDefault());
        await server.ListenAsync(0);
        return server;
    }

    /// <summary>Writes a kubeconfig whose current context points at the double (no credentials), and returns its path.</summary>
    public string WriteKubeconfig(string directory)
    {
        var path = Path.Combine(directory, "kubeconfig");
        File.WriteAllText(path, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: double
              cluster:
                server: {BaseAddress.GetLeftPart(UriPartial.Authority)}
            users:
            - name: tester
              user: {"{}"}
            contexts:
            - name: double
              context:
                cluster: double
                user: tester
                namespace: default
            current-context: double
            """);
        return path;
    }

    /// <summary>Creates or replaces an object as given, status included, bypassing resourceVersion checks; returns it as stored.</summary>
    public JsonObject Seed(JsonObject obj)
    {
        var type = TypeOf(obj);
        var copy = (JsonObject)obj.DeepClone();
        var metadata = (JsonObject)copy["metadata"]!;
        metadata.Remove("resourceVersion");
        if (!type.Namespaced)
        {
            metadata.Remove("namespace");
        }
        else if (metadata["namespace"] is null)
        {
            metadata["namespace"] = "default";
        }

        var ns = KubeStore.Namespace(copy);
        var name = KubeStore.Name(copy);
        return Store.Get(type, ns, name) is null ? Store.Create(type, copy) : Store.Update(type, ns, name, _ => copy);
    }

    public JsonObject Seed(string json) => Seed(JsonNode.Parse(json) as JsonObject ?? throw new ArgumentException("not a JSON object", nameof(json)));

    public JsonObject? Get(string apiVersion, string kind, string ns, string name) =>
        Store.Get(TypeOf(apiVersion, kind), ns, name);

    public bool Delete(string apiVersion, string kind, string ns, string name)
    {
        try
        {
            Store.Delete(TypeOf(apiVersion, kind), ns, name, null, null);
            return true;
        }
        catch (KubeApiException e) when (e.Code == 404)
        {
            return false;
        }
    }

    /// <summary>Compacts the history up to now: open watches end with an ERROR event carrying 410, and a watch from an older resourceVersion is refused with 410.</summary>
    public void ForceCompaction() => Store.Compact();

    /// <summary>Watches being served now, counted once each has fixed the history it reads from (so a compaction or close after this count includes it reaches it).</summary>
    public int OpenWatches => Volatile.Read(ref _openWatches);

    internal IDisposable TrackWatch()
    {
        Interlocked.Increment(ref _openWatches);
        return new OpenWatch(this);
    }

    private sealed class OpenWatch(KubeApiDouble owner) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref owner._openWatches);
            }
        }
    }

    /// <summary>Ends every open watch cleanly, as when their timeout is up.</summary>
    public void CloseWatches() => Store.CloseWatches();

    public void AddToken(string token, KubeTokenIdentity identity) => Tokens.Add(token, identity);

    public bool RemoveToken(string token) => Tokens.Remove(token);

    /// <summary>Takes the server down (open connections are cut, new ones refused); stored objects are kept.</summary>
    public async Task StopAsync()
    {
        if (_app is null)
        {
            return;
        }

        await _stopping.CancelAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
        _app = null;
    }

    /// <summary>Brings the server back on the same port with the same objects.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        _stopping = new CancellationTokenSource();
        await ListenAsync(BaseAddress.Port);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stopping.Dispose();
    }

    internal void Record(KubeRecordedRequest request) => _requests.Enqueue(request);

    private async Task ListenAsync(int port)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, l => l.Protocols = HttpProtocols.Http1));
        var app = builder.Build();
        var handler = new KubeApiHandler(this);
        app.Run(handler.HandleAsync);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await app.StartAsync(timeout.Token);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal));
        _app = app;
    }

    private KubeResourceType TypeOf(JsonObject obj) =>
        TypeOf(obj["apiVersion"]?.GetValue<string>() ?? "", obj["kind"]?.GetValue<string>() ?? "");

    private KubeResourceType TypeOf(string apiVersion, string kind) =>
        Catalog.FindByKind(apiVersion, kind) ?? throw new ArgumentException($"the double does not serve {kind} at {apiVersion}");
}
