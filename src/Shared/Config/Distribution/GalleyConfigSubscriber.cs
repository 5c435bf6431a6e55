using ControlPlane.Shared.Xds.Client;
using Envoy.Config.Core.V3;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ControlPlane.Shared.Hosting;

namespace ControlPlane.Shared.Config.Distribution;

/// <summary>
/// An <see cref="IConfigSnapshotSource"/> fed by a Galley subscription over xDS: what standalone
/// Pilot and Mixer use (<c>--galley-address</c>). Subscribes to every Istio kind and to the
/// Kubernetes objects (wildcard), rebuilds objects from the resources, and raises a new snapshot
/// for each accepted response once every type has arrived at least once. A response with a
/// resource that does not decode, or that <see cref="GalleySubscriptionOptions.Accept"/> refuses,
/// is NACKed and changes nothing. Reconnects are the xDS client's.
/// </summary>
/// <remarks>
/// Versions are local: 1 for the first complete snapshot, then one more per accepted change, so
/// they only go up even when Galley restarts. Subscribers are called on the stream's thread,
/// one snapshot at a time; <see cref="Subscribe"/> does not replay <see cref="Current"/>.
/// </remarks>
public sealed partial class GalleyConfigSubscriber : IConfigSnapshotSource, IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly XdsClient _client;
    private readonly GalleySubscriptionOptions _options;
    private readonly ILogger _logger;
    private readonly Dictionary<string, SortedDictionary<string, object>> _byType = new(StringComparer.Ordinal);
    private readonly DecodedResources _decoded = new();
    private readonly HashSet<string> _changedKinds = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private List<Action<ConfigSnapshot>> _subscribers = [];
    private ConfigSnapshot _current = ConfigSnapshot.Empty;

    /// <summary>Creates the subscriber; <see cref="Start"/> connects.</summary>
    public GalleyConfigSubscriber(GalleySubscriptionOptions options, ILoggerFactory? loggers = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _logger = (ILogger?)loggers?.CreateLogger<GalleyConfigSubscriber>() ?? NullLogger.Instance;
        _client = new XdsClient(
            new XdsClientOptions
            {
                Address = options.Address,
                CallInvoker = options.CallInvoker,
                Node = new Node { Id = options.NodeId },
                Protocol = options.Protocol,
                Validator = Validate,
                ResourceName = ConfigResourceCodec.ResourceNameOf,
            },
            loggers?.CreateLogger<XdsClient>());
        _client.Updated += OnUpdated;
        foreach (var typeUrl in ConfigResourceCodec.TypeUrls)
        {
            _client.SubscribeAll(typeUrl);
        }
    }

    /// <inheritdoc />
    public ConfigSnapshot Current => Volatile.Read(ref _current);

    /// <summary>True once every type has arrived: <see cref="Current"/> is Galley's config.</summary>
    public bool IsSynced => _synced.Task.IsCompleted;

    /// <summary>Completes when the first complete snapshot is in; cancel to stop waiting.</summary>
    public Task WaitUntilSyncedAsync(CancellationToken cancellationToken) => _synced.Task.WaitAsync(cancellationToken);

    /// <summary>Connects to Galley in the background (reconnecting until disposed).</summary>
    public void Start() => _client.Start();

    /// <inheritdoc />
    public IDisposable Subscribe(Action<ConfigSnapshot> onChange)
    {
        ArgumentNullException.ThrowIfNull(onChange);
        lock (_gate)
        {
            _subscribers = [.. _subscribers, onChange];
        }

        return new Unsubscriber(() =>
        {
            lock (_gate)
            {
                _subscribers = _subscribers.Where(s => s != onChange).ToList();
            }
        });
    }

    /// <summary>Disconnects; safe to call more than once (the host stops it, then DI disposes it).</summary>
    public ValueTask DisposeAsync() => _client.DisposeAsync();

    private string? Validate(XdsClientResponse response)
    {
        foreach (var resource in response.Resources)
        {
            try
            {
                if (_decoded.Get(response.TypeUrl, resource.Name, resource.Body) is ConfigObject config && _options.Accept?.Invoke(config) is { } refusal)
                {
                    return $"{config.Reference}: {refusal}";
                }
            }
            catch (ConfigResourceException e)
            {
                return e.Message;
            }
        }

        return null;
    }

    private void OnUpdated(object? sender, XdsClientUpdate update)
    {
        ConfigSnapshot snapshot;
        IReadOnlyList<Action<ConfigSnapshot>> subscribers;
        lock (_gate)
        {
            if (!_byType.TryGetValue(update.TypeUrl, out var objects))
            {
                objects = _byType[update.TypeUrl] = new SortedDictionary<string, object>(StringComparer.Ordinal);
            }

            foreach (var name in update.Removed)
            {
                if (objects.Remove(name, out var removed))
                {
                    _changedKinds.Add(KindOf(removed));
                }

                _decoded.Remove(update.TypeUrl, name);
            }

            foreach (var resource in update.Upserted)
            {
                // Unchanged bytes decode to the very object held (a state-of-the-world response resends them all).
                var decoded = _decoded.Get(update.TypeUrl, resource.Name, resource.Body);
                if (!objects.TryGetValue(resource.Name, out var held) || !ReferenceEquals(held, decoded))
                {
                    _changedKinds.Add(KindOf(decoded));
                }

                objects[resource.Name] = decoded;
            }

            if (_byType.Count < ConfigResourceCodec.TypeUrls.Count)
            {
                return;
            }

            snapshot = new ConfigSnapshot(
                Current.Version + 1,
                [.. ConfigResourceCodec.TypeUrls.SelectMany(t => _byType[t].Values.OfType<ConfigObject>())],
                [.. _byType[ConfigResourceCodec.KubernetesTypeUrl].Values.OfType<KubernetesObject>()],
                _changedKinds.ToHashSet(StringComparer.Ordinal));
            _changedKinds.Clear();
            Volatile.Write(ref _current, snapshot);
            subscribers = _subscribers;
            LogSnapshot(snapshot.Version, snapshot.Objects.Count, snapshot.KubernetesObjects.Count, update.TypeUrl, update.Version);

            // Called under the lock so that subscribers see snapshots one at a time, in order.
            foreach (var subscriber in subscribers)
            {
                try
                {
                    subscriber(snapshot);
                }
                catch (Exception e)
                {
                    LogSubscriberFailed(snapshot.Version, e);
                }
            }
        }

        _synced.TrySetResult();
    }

    private static string KindOf(object decoded) => decoded is ConfigObject config ? config.Kind.Kind : ((KubernetesObject)decoded).Kind;

    [LoggerMessage(EventId = LogEventIds.ConfigDistribution + 1, Level = LogLevel.Debug, Message = "Config snapshot {Version} from Galley: {Objects} Istio objects, {KubernetesObjects} Kubernetes objects (after {TypeUrl} version {XdsVersion})")]
    private partial void LogSnapshot(long version, int objects, int kubernetesObjects, string typeUrl, string xdsVersion);

    [LoggerMessage(EventId = LogEventIds.ConfigDistribution + 2, Level = LogLevel.Error, Message = "A config snapshot subscriber failed on version {Version}")]
    private partial void LogSubscriberFailed(long version, Exception exception);

    private sealed class Unsubscriber(Action dispose) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                dispose();
            }
        }
    }
}
