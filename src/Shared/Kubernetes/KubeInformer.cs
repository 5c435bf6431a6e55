using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace ControlPlane.Shared.Kubernetes;

/// <summary>
/// Keeps a cache of one resource type in step with the API server and reports each change once, in
/// order: list, then watch from the list's resourceVersion with bookmarks; a watch that ends is
/// resumed from the last resourceVersion seen; a 410 Gone (HTTP status or ERROR event) leads to a
/// fresh list diffed against the cache, so unchanged objects produce no change and vanished ones a
/// delete. Failures back off exponentially with jitter and are logged once per state change.
/// Nothing polls. <see cref="Synced"/> completes after the first list.
/// </summary>
public sealed class KubeInformer<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly IKubeListWatch<T> _source;
    private readonly Action<KubeChange<T>> _onChange;
    private readonly KubeInformerOptions _options;
    private readonly KubeInformerMetrics _metrics;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, T> _cache = [];
    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string? _resourceVersion;
    private int _failures;

    public KubeInformer(IKubeListWatch<T> source, Action<KubeChange<T>> onChange, KubeInformerOptions options, KubeInformerMetrics metrics, ILogger logger, TimeProvider? time = null)
    {
        _source = source;
        _onChange = onChange;
        _options = options;
        _metrics = metrics;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _metrics.Synced.WithLabels(source.Resource).Set(0);
    }

    public string Resource => _source.Resource;

    /// <summary>Completes once the first list has been delivered.</summary>
    public Task Synced => _synced.Task;

    public bool HasSynced => _synced.Task.IsCompleted;

    /// <summary>The last resourceVersion seen (from a list, an event or a bookmark): where the next watch starts.</summary>
    public string? ResourceVersion => Volatile.Read(ref _resourceVersion);

    /// <summary>The objects as last seen; safe to call from any thread.</summary>
    public IReadOnlyList<T> Items
    {
        get
        {
            lock (_cache)
            {
                return [.. _cache.Values];
            }
        }
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var mustList = true;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (mustList)
                {
                    await ListAsync(cancellationToken).ConfigureAwait(false);
                    mustList = false;
                }

                mustList = await WatchAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Gone)
            {
                Expire();
                mustList = true;
            }
            catch (Exception e) when (e is HttpOperationException or HttpRequestException or IOException or KubernetesException or System.Text.Json.JsonException)
            {
                await BackOffAsync(e, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task ListAsync(CancellationToken cancellationToken)
    {
        var list = await _source.ListAsync(cancellationToken).ConfigureAwait(false);
        Recovered();
        if (HasSynced)
        {
            _metrics.Relists.WithLabels(Resource).Inc();
        }

        var seen = new HashSet<string>();
        foreach (var item in list.Items)
        {
            var key = Key(item);
            seen.Add(key);
            T? previous;
            lock (_cache)
            {
                _cache.TryGetValue(key, out previous);
            }

            if (previous is null)
            {
                Apply(KubeChangeType.Added, item, null);
            }
            else if (previous.Metadata.ResourceVersion != item.Metadata.ResourceVersion)
            {
                Apply(KubeChangeType.Modified, item, previous);
            }
        }

        List<T> vanished;
        lock (_cache)
        {
            vanished = _cache.Where(p => !seen.Contains(p.Key)).Select(p => p.Value).ToList();
        }

        foreach (var gone in vanished)
        {
            Apply(KubeChangeType.Deleted, gone, gone);
        }

        Volatile.Write(ref _resourceVersion, list.ResourceVersion);
        if (_synced.TrySetResult())
        {
            _metrics.Synced.WithLabels(Resource).Set(1);
            KubeInformerLog.Synced(_logger, Resource, list.Items.Count, list.ResourceVersion);
        }
    }

    /// <summary>Runs one watch to its end; true when the resourceVersion expired and a list must follow.</summary>
    private async Task<bool> WatchAsync(CancellationToken cancellationToken)
    {
        Exception? error = null;
        var timeout = (int)(_options.WatchTimeout.TotalSeconds * (1 + Random.Shared.NextDouble()));
        var from = ResourceVersion!;
        await foreach (var (type, obj) in _source.WatchAsync(from, Math.Max(1, timeout), e => error ??= e, cancellationToken).ConfigureAwait(false))
        {
            Recovered();
            switch (type)
            {
                case WatchEventType.Added:
                case WatchEventType.Modified:
                    T? previous;
                    lock (_cache)
                    {
                        _cache.TryGetValue(Key(obj), out previous);
                    }

                    Apply(previous is null ? KubeChangeType.Added : KubeChangeType.Modified, obj, previous);
                    break;
                case WatchEventType.Deleted:
                    Apply(KubeChangeType.Deleted, obj, obj);
                    break;
                case WatchEventType.Bookmark:
                    break;
                default:
                    continue;
            }

            Volatile.Write(ref _resourceVersion, obj.Metadata.ResourceVersion);
        }

        if (error is KubernetesException { Status.Code: 410 })
        {
            Expire();
            return true;
        }

        if (error is not null)
        {
            throw error;
        }

        _metrics.WatchRestarts.WithLabels(Resource).Inc();
        KubeInformerLog.WatchEnded(_logger, Resource, ResourceVersion!);
        return false;
    }

    private void Apply(KubeChangeType type, T obj, T? previous)
    {
        lock (_cache)
        {
            if (type == KubeChangeType.Deleted)
            {
                _cache.Remove(Key(obj));
            }
            else
            {
                _cache[Key(obj)] = obj;
            }
        }

        _metrics.Events.WithLabels(Resource, type.ToString().ToLowerInvariant()).Inc();
        _onChange(new KubeChange<T>(type, obj, previous));
    }

    private void Expire()
    {
        Recovered();
        KubeInformerLog.Expired(_logger, Resource, ResourceVersion ?? "");
    }

    private void Recovered()
    {
        if (_failures > 0)
        {
            KubeInformerLog.Recovered(_logger, Resource, _failures);
            _failures = 0;
        }
    }

    private async Task BackOffAsync(Exception error, CancellationToken cancellationToken)
    {
        _metrics.Failures.WithLabels(Resource).Inc();
        var exponent = Math.Min(_failures, 16);
        var ceiling = Math.Min(_options.MaxBackoff.TotalMilliseconds, _options.InitialBackoff.TotalMilliseconds * Math.Pow(2, exponent));
        var delay = TimeSpan.FromMilliseconds(ceiling * (0.5 + (Random.Shared.NextDouble() / 2)));
        var problem = Describe(error);
        if (_failures == 0)
        {
            KubeInformerLog.Failing(_logger, Resource, problem);
        }
        else
        {
            KubeInformerLog.StillFailing(_logger, Resource, problem, delay);
        }

        _failures++;
        try
        {
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping: RunAsync's loop ends.
        }
    }

    private string Describe(Exception error) => error switch
    {
        HttpOperationException { Response.StatusCode: HttpStatusCode.NotFound } => $"the API server does not serve {Resource} (404; is its CRD installed?)",
        HttpOperationException e => $"the API server answered {(int)e.Response.StatusCode} {e.Response.ReasonPhrase}",
        KubernetesException e => $"watch error {e.Status?.Code} {e.Status?.Reason}: {e.Status?.Message}",
        _ => error.Message,
    };

    private static string Key(T obj) => obj.Metadata.NamespaceProperty + "/" + obj.Metadata.Name;
}
