using Envoy.Service.Discovery.V3;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ControlPlane.Shared.Xds.Client;

/// <summary>
/// An ADS client (state of the world or delta): subscribes per type (wildcard or names, changeable
/// at any time), ACKs what it accepts, NACKs what <see cref="XdsClientOptions.Validator"/> rejects
/// (keeping its previous resources), and reconnects with backoff (delta: sending what it holds as
/// <c>initial_resource_versions</c>). One stream and two tasks per client.
/// </summary>
public sealed class XdsClient : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, XdsClientTypeState> _types = new(StringComparer.Ordinal);
    private readonly XdsClientOptions _options;
    private readonly ILogger _logger;
    private readonly GrpcChannel? _ownedChannel;
    private readonly IXdsClientSession _session;
    private readonly CancellationTokenSource _stop = new();
    private Task? _run;
    private int _streamsOpened;
    private int _disposed;

    /// <summary>Creates a client; call <see cref="Start"/> to connect.</summary>
    public XdsClient(XdsClientOptions options, ILogger<XdsClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.Node?.Id, "options.Node.Id");
        _options = options;
        _logger = logger ?? NullLogger<XdsClient>.Instance;
        var invoker = options.CallInvoker;
        if (invoker is null)
        {
            _ownedChannel = GrpcChannel.ForAddress(options.Address ?? throw new ArgumentException("XdsClientOptions needs Address or CallInvoker", nameof(options)));
            invoker = _ownedChannel.CreateCallInvoker();
        }

        var ads = new AggregatedDiscoveryService.AggregatedDiscoveryServiceClient(invoker);
        var callbacks = new XdsClientCallbacks(_gate, Lookup, Raise);
        _session = options.Protocol == XdsProtocol.Delta
            ? new XdsClientSession<DeltaDiscoveryRequest, DeltaDiscoveryResponse>(
                new DeltaClientProtocol(options), callbacks, () => _types.Values, ct => ads.DeltaAggregatedResources(cancellationToken: ct))
            : new XdsClientSession<DiscoveryRequest, DiscoveryResponse>(
                new SotwClientProtocol(options), callbacks, () => _types.Values, ct => ads.StreamAggregatedResources(cancellationToken: ct));
    }

    /// <summary>Raised (on the stream's thread) after an accepted response or an unsubscribe changed resources.</summary>
    public event EventHandler<XdsClientUpdate>? Updated;

    /// <summary>Raised after a response was rejected (NACKed).</summary>
    public event EventHandler<XdsClientRejection>? Rejected;

    /// <summary>Streams opened so far (1 after the first connect; grows with reconnects).</summary>
    public int StreamsOpened => Volatile.Read(ref _streamsOpened);

    /// <summary>Connects (in the background) and keeps reconnecting until disposed.</summary>
    public void Start() => _run ??= Task.Run(() => RunAsync(_stop.Token));

    /// <summary>Subscribes to every resource of a type (wildcard), plus any <paramref name="alsoNamed"/>.</summary>
    public void SubscribeAll(string typeUrl, params IEnumerable<string> alsoNamed) => Subscribe(typeUrl, true, alsoNamed);

    /// <summary>Subscribes to the named resources of a type, replacing any previous subscription to it.</summary>
    public void Subscribe(string typeUrl, IEnumerable<string> names) => Subscribe(typeUrl, false, names);

    /// <summary>Stops asking for a type; its held resources are dropped (and reported removed).</summary>
    public void Unsubscribe(string typeUrl)
    {
        XdsClientUpdate? update = null;
        lock (_gate)
        {
            if (_types.TryGetValue(typeUrl, out var state) && state.Subscribed)
            {
                state.Subscribed = false;
                state.Wildcard = false;
                state.Names.Clear();
                update = Dropped(state);
                _session.SubscriptionChanged(state);
            }
        }

        Raise(update, null);
    }

    /// <summary>The resources of a type accepted so far, by name (a copy).</summary>
    public IReadOnlyDictionary<string, XdsClientResource> Resources(string typeUrl)
    {
        lock (_gate)
        {
            return _types.TryGetValue(typeUrl, out var state)
                ? new Dictionary<string, XdsClientResource>(state.Resources, StringComparer.Ordinal)
                : new Dictionary<string, XdsClientResource>(StringComparer.Ordinal);
        }
    }

    /// <summary>The last accepted version of a type ("" before any).</summary>
    public string AcceptedVersion(string typeUrl)
    {
        lock (_gate)
        {
            return _types.TryGetValue(typeUrl, out var state) ? state.AcceptedVersion : string.Empty;
        }
    }

    /// <inheritdoc />
    /// <summary>Stops the stream and waits (up to 10 s) for it to end; later calls do nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stop.CancelAsync();
        if (_run is not null)
        {
            await _run.WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        _ownedChannel?.Dispose();
        _stop.Dispose();
    }

    private void Subscribe(string typeUrl, bool wildcard, IEnumerable<string> names)
    {
        ArgumentException.ThrowIfNullOrEmpty(typeUrl);
        var wanted = names.Where(n => n != XdsSubscription.WildcardName).ToHashSet(StringComparer.Ordinal);
        XdsClientUpdate? update;
        lock (_gate)
        {
            if (!_types.TryGetValue(typeUrl, out var state))
            {
                state = _types[typeUrl] = new XdsClientTypeState(typeUrl);
            }

            state.Subscribed = true;
            state.Wildcard = wildcard;
            state.Names.Clear();
            state.Names.UnionWith(wanted);
            update = Dropped(state);
            _session.SubscriptionChanged(state);
        }

        Raise(update, null);
    }

    private static XdsClientUpdate? Dropped(XdsClientTypeState state)
    {
        var dropped = state.DropUnsubscribed();
        return dropped.Count == 0 ? null : new XdsClientUpdate(state.TypeUrl, state.AcceptedVersion, [], dropped);
    }

    private XdsClientTypeState? Lookup(string typeUrl) => _types.GetValueOrDefault(typeUrl);

    private void Raise(XdsClientUpdate? update, XdsClientRejection? rejection)
    {
        if (update is not null && (update.Upserted.Count > 0 || update.Removed.Count > 0 || update.Version.Length > 0))
        {
            Updated?.Invoke(this, update);
        }

        if (rejection is not null)
        {
            XdsClientLog.Rejected(_logger, _options.Node.Id, rejection.TypeUrl, rejection.Version, rejection.ErrorMessage);
            Rejected?.Invoke(this, rejection);
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var backoff = _options.InitialBackoff;
        while (!cancellationToken.IsCancellationRequested)
        {
            string reason;
            try
            {
                Interlocked.Increment(ref _streamsOpened);
                await _session.RunOnceAsync(() => backoff = _options.InitialBackoff, cancellationToken);
                reason = "closed by server";
            }
            catch (Exception) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (RpcException e)
            {
                reason = $"{e.StatusCode}: {e.Status.Detail}";
            }
            catch (Exception e)
            {
                reason = e.Message;
            }

            // Full jitter within [backoff/2, backoff], so a restarted server is not hit by every client at once.
            var delay = backoff / 2 + (backoff / 2) * Random.Shared.NextDouble();
            XdsClientLog.StreamEnded(_logger, _options.Node.Id, _options.Address?.ToString() ?? "channel", reason, (long)delay.TotalMilliseconds);
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, _options.MaxBackoff.Ticks));
            try
            {
                await Task.Delay(delay, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
