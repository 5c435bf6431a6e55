using System.Collections.Concurrent;
using Envoy.Service.Discovery.V3;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using EnvoyControlPlane = Envoy.Config.Core.V3.ControlPlane;

namespace ControlPlane.Shared.Xds.Server;

/// <summary>
/// One xDS server over one <see cref="IXdsResourceProvider"/>: runs ADS streams (state of the world
/// and delta) and fans the provider's change notices out to them. Transport-agnostic; the gRPC
/// service <see cref="XdsDiscoveryService{TTag}"/> only hands it the call's streams.
/// </summary>
public sealed class XdsServer : IDisposable
{
    private static long _streamIds;
    private readonly IXdsResourceProvider _provider;
    private readonly XdsServerOptions _options;
    private readonly XdsStreamSessionDeps _deps;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<long, Action<XdsChange>> _streams = new();
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Creates a server; <paramref name="observers"/> are told about every stream event.</summary>
    public XdsServer(
        IXdsResourceProvider provider,
        IEnumerable<IXdsStreamObserver> observers,
        XdsServerOptions options,
        ILogger<XdsServer> logger,
        TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.SendQueueCapacity, 1);
        _provider = provider;
        _options = options;
        _logger = logger;
        var controlPlane = options.ControlPlaneIdentifier is { } id ? new EnvoyControlPlane { Identifier = id } : null;
        _deps = new XdsStreamSessionDeps(provider, new XdsCompositeObserver([.. observers]), time ?? TimeProvider.System, logger, controlPlane);
        _provider.Changed += OnChanged;
    }

    /// <summary>Streams open now.</summary>
    public int StreamCount => _streams.Count;

    /// <summary>Serves one <c>StreamAggregatedResources</c> call until it ends.</summary>
    public Task RunStateOfTheWorldAsync(
        IAsyncStreamReader<DiscoveryRequest> requests, IServerStreamWriter<DiscoveryResponse> responses, ServerCallContext context) =>
        RunAsync(new SotwStreamSession(_deps, NextStreamId(), context.Peer), requests, responses, context);

    /// <summary>Serves one <c>DeltaAggregatedResources</c> call until it ends.</summary>
    public Task RunDeltaAsync(
        IAsyncStreamReader<DeltaDiscoveryRequest> requests, IServerStreamWriter<DeltaDiscoveryResponse> responses, ServerCallContext context) =>
        RunAsync(new DeltaStreamSession(_deps, NextStreamId(), context.Peer), requests, responses, context);

    /// <summary>
    /// Ends every stream with UNAVAILABLE so clients reconnect elsewhere; called when the host stops
    /// (otherwise long-lived streams would hold up a graceful shutdown).
    /// </summary>
    public void Stop() => _stopping.Cancel();

    /// <inheritdoc />
    public void Dispose()
    {
        _provider.Changed -= OnChanged;
        Stop();
        _stopping.Dispose();
    }

    internal static long NextStreamId() => Interlocked.Increment(ref _streamIds);

    internal async Task RunAsync<TRequest, TResponse>(
        XdsStreamSession<TRequest, TResponse> session,
        IAsyncStreamReader<TRequest> requests,
        IServerStreamWriter<TResponse> responses,
        ServerCallContext context)
        where TRequest : class
    {
        var loop = new XdsStreamLoop<TRequest, TResponse>(session, _options.SendQueueCapacity, _logger);
        var id = session.StreamId;
        _streams[id] = loop.Notify;
        string? reason = null;
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, _stopping.Token);
        try
        {
            await loop.RunAsync(requests, responses.WriteAsync, () => context.GetHttpContext().Abort(), ended.Token);
        }
        catch (Exception) when (_stopping.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested)
        {
            reason = "server stopping";
            throw new RpcException(new Status(StatusCode.Unavailable, "xDS server is shutting down"));
        }
        catch (XdsProtocolException e)
        {
            reason = e.Message;
            XdsServerLog.ProtocolError(_logger, id, e.Message);
            throw new RpcException(new Status(StatusCode.InvalidArgument, e.Message));
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.ResourceExhausted)
        {
            reason = e.Status.Detail;
            if (loop.Context is { } stream)
            {
                _deps.Observer.StreamCut(stream);
            }

            throw;
        }
        catch (Exception e) when (e is OperationCanceledException or IOException || context.CancellationToken.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
            reason = "client disconnected";
        }
        finally
        {
            _streams.TryRemove(id, out _);
            XdsServerLog.StreamClosed(_logger, id, reason ?? "closed by client");
            if (loop.Context is { } stream)
            {
                _deps.Observer.StreamClosed(stream, reason);
            }
        }
    }

    private void OnChanged(object? sender, XdsChange change)
    {
        foreach (var notify in _streams.Values)
        {
            notify(change);
        }
    }
}
