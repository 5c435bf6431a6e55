using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ControlPlane.TestSupport.Kubernetes;

/// <summary>
/// One watch as the API server streams it: newline-delimited <c>{"type","object"}</c> events after the
/// requested resourceVersion (or the current objects as ADDED when none is given), BOOKMARK events when
/// asked for, an ERROR event carrying 410 when the history it needs is compacted, and a clean end
/// when <c>timeoutSeconds</c> is up.
/// </summary>
internal sealed class KubeWatchStream(KubeApiDouble owner, KubeResourceType type, string version, string? ns)
{
    private readonly KubeStore _store = owner.Store;

    public async Task<(int Code, JsonNode? Body)> ServeAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var selector = KubeSelector.Parse(query["labelSelector"], query["fieldSelector"]);
        var bookmarks = query["allowWatchBookmarks"] == "true";
        var timeout = int.TryParse(query["timeoutSeconds"], out var seconds) ? TimeSpan.FromSeconds(seconds) : owner.DefaultWatchTimeout;
        var deadline = DateTime.UtcNow + timeout;
        var epoch = _store.CurrentEpoch();
        using var open = owner.TrackWatch();
        var initial = new List<JsonObject>();
        long after;
        var requested = query["resourceVersion"].ToString();
        if (requested is "" or "0")
        {
            // No resourceVersion: the current state as ADDED events, then changes.
            (initial, after) = _store.List(type, ns);
        }
        else if (!long.TryParse(requested, NumberStyles.None, CultureInfo.InvariantCulture, out after))
        {
            throw KubeApiException.BadRequest($"invalid resource version: {requested}");
        }

        var first = _store.ReadAfter(type, ns, after, epoch);
        if (first.Gone is not null && owner.AnswerGoneWithHttpStatus)
        {
            return (410, first.Gone);
        }

        var response = context.Response;
        response.StatusCode = 200;
        response.ContentType = "application/json";
        await response.StartAsync(context.RequestAborted);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, owner.Stopping);
        try
        {
            foreach (var obj in initial.Where(selector.Matches))
            {
                await SendAsync(response, "ADDED", obj, stop.Token);
            }

            var nextBookmark = DateTime.UtcNow + owner.BookmarkInterval;
            var read = first;
            while (true)
            {
                if (read.Gone is not null)
                {
                    await SendRawAsync(response, new JsonObject { ["type"] = "ERROR", ["object"] = read.Gone }, stop.Token);
                    return (200, null);
                }

                if (read.Closed || DateTime.UtcNow >= deadline)
                {
                    return (200, null);
                }

                foreach (var change in read.Events)
                {
                    if (Translate(change, selector) is { } eventType)
                    {
                        await SendAsync(response, eventType, change.Object, stop.Token);
                    }
                }

                after = read.Revision;
                if (bookmarks && DateTime.UtcNow >= nextBookmark)
                {
                    var marker = new JsonObject { ["metadata"] = new JsonObject { ["resourceVersion"] = after.ToString(CultureInfo.InvariantCulture) } };
                    await SendAsync(response, "BOOKMARK", marker, stop.Token);
                    nextBookmark = DateTime.UtcNow + owner.BookmarkInterval;
                }

                var wake = Min(deadline, bookmarks ? nextBookmark : deadline) - DateTime.UtcNow;
                await Task.WhenAny(read.Changed, Task.Delay(wake > TimeSpan.Zero ? wake : TimeSpan.Zero, stop.Token));
                stop.Token.ThrowIfCancellationRequested();
                read = _store.ReadAfter(type, ns, after, epoch);
            }
        }
        catch (OperationCanceledException) when (owner.Stopping.IsCancellationRequested)
        {
            // The double is going down: cut the connection as a dying server does.
            context.Abort();
            return (200, null);
        }
        catch (OperationCanceledException)
        {
            return (200, null);
        }
    }

    /// <summary>What a selector-filtered watcher sees: an object that starts matching is ADDED, one that stops matching is DELETED.</summary>
    private static string? Translate(KubeWatchEvent change, KubeSelector selector)
    {
        var now = change.Type != "DELETED" && selector.Matches(change.Object);
        var before = change.Previous is not null && selector.Matches(change.Previous);
        return (change.Type, now, before) switch
        {
            ("DELETED", _, true) => "DELETED",
            ("ADDED", true, _) => "ADDED",
            ("MODIFIED", true, true) => "MODIFIED",
            ("MODIFIED", true, false) => "ADDED",
            ("MODIFIED", false, true) => "DELETED",
            _ => null,
        };
    }

    private Task SendAsync(HttpResponse response, string eventType, JsonObject obj, CancellationToken cancel) =>
        SendRawAsync(response, new JsonObject { ["type"] = eventType, ["object"] = KubeApiHandler.Served((JsonObject)obj.DeepClone(), type, version) }, cancel);

    private static async Task SendRawAsync(HttpResponse response, JsonObject line, CancellationToken cancel)
    {
        await response.WriteAsync(line.ToJsonString() + "\n", cancel);
        await response.Body.FlushAsync(cancel);
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
