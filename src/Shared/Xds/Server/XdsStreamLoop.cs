using System.Threading.Channels;
using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace ControlPlane.Shared.Xds.Server;

/// <summary>
/// Drives one session: a reader feeds requests, the provider's change notices are coalesced into
/// one pending list (keeping their type order), and a single loop applies both to the session in
/// order. Responses go to a bounded send queue drained by a writer; when the queue is full the
/// stream is cut (linkerd2's rule: a slow stream must not hold anyone up).
/// </summary>
internal sealed class XdsStreamLoop<TRequest, TResponse>
    where TRequest : class
{
    private readonly XdsStreamSession<TRequest, TResponse> _session;
    // Bounded: a client sending requests faster than they are handled is slowed down by HTTP/2
    // flow control instead of growing memory. A change signal that finds it full is not lost: the
    // pending types are also picked up after every request.
    private readonly Channel<TRequest?> _events = Channel.CreateBounded<TRequest?>(new BoundedChannelOptions(64) { SingleReader = true });
    private readonly Channel<TResponse> _sendQueue;
    private readonly int _capacity;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly List<string> _pendingTypes = [];

    public XdsStreamLoop(XdsStreamSession<TRequest, TResponse> session, int sendQueueCapacity, ILogger logger)
    {
        _session = session;
        _capacity = sendQueueCapacity;
        _logger = logger;
        _sendQueue = Channel.CreateBounded<TResponse>(new BoundedChannelOptions(sendQueueCapacity) { SingleReader = true, SingleWriter = true });
    }

    public XdsStreamContext? Context => _session.Context;

    /// <summary>Queues a change notice; never blocks (called from the provider's thread).</summary>
    public void Notify(XdsChange change)
    {
        if (_session.Context is not { } context || !change.AppliesTo(context.NodeId))
        {
            return;
        }

        bool signal;
        lock (_gate)
        {
            signal = _pendingTypes.Count == 0;
            foreach (var typeUrl in change.TypeUrls)
            {
                if (!_pendingTypes.Contains(typeUrl))
                {
                    _pendingTypes.Add(typeUrl);
                }
            }
        }

        if (signal)
        {
            _events.Writer.TryWrite(null);
        }
    }

    /// <summary>
    /// Runs until the client closes its side or <paramref name="cancellationToken"/> fires. Throws
    /// <see cref="XdsProtocolException"/> for protocol errors and <see cref="RpcException"/>
    /// (RESOURCE_EXHAUSTED) when the stream is cut.
    /// </summary>
    public async Task RunAsync(
        IAsyncStreamReader<TRequest> requests,
        Func<TResponse, CancellationToken, Task> write,
        Action abort,
        CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reader = ReadAsync(requests, cts.Token);
        var writer = WriteAsync(write, cts.Token);
        try
        {
            await foreach (var request in _events.Reader.ReadAllAsync(cts.Token))
            {
                var responses = request is null ? _session.OnChange(TakePendingTypes()) : _session.OnRequest(request);
                if (request is not null && HasPendingTypes())
                {
                    responses = [.. responses, .. _session.OnChange(TakePendingTypes())];
                }

                foreach (var response in responses)
                {
                    if (!_sendQueue.Writer.TryWrite(response))
                    {
                        XdsServerLog.StreamCut(_logger, _session.Context?.StreamId ?? 0, _session.Context?.NodeId, _capacity);
                        await CutAsync(cts, writer, abort);
                        throw new RpcException(new Status(StatusCode.ResourceExhausted, $"xDS stream cut: {_capacity} responses were waiting to be sent"));
                    }
                }
            }

            await reader;
            _sendQueue.Writer.TryComplete();
            await writer;
        }
        finally
        {
            _sendQueue.Writer.TryComplete();
            await cts.CancelAsync();
            await Task.WhenAll(reader, writer).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private static async Task CutAsync(CancellationTokenSource cts, Task writer, Action abort)
    {
        await cts.CancelAsync();
        var finished = await Task.WhenAny(writer, Task.Delay(TimeSpan.FromSeconds(1))) == writer;
        if (!finished)
        {
            // The transport is stuck on a write the peer never reads: reset the HTTP/2 stream.
            abort();
        }
    }

    private bool HasPendingTypes()
    {
        lock (_gate)
        {
            return _pendingTypes.Count > 0;
        }
    }

    private List<string> TakePendingTypes()
    {
        lock (_gate)
        {
            var types = _pendingTypes.ToList();
            _pendingTypes.Clear();
            return types;
        }
    }

    private async Task ReadAsync(IAsyncStreamReader<TRequest> requests, CancellationToken cancellationToken)
    {
        try
        {
            while (await requests.MoveNext(cancellationToken))
            {
                await _events.Writer.WriteAsync(requests.Current, cancellationToken);
            }

            _events.Writer.TryComplete();
        }
        catch (Exception e)
        {
            _events.Writer.TryComplete(e);
        }
    }

    private async Task WriteAsync(Func<TResponse, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var response in _sendQueue.Reader.ReadAllAsync(cancellationToken))
            {
                await write(response, cancellationToken);
            }
        }
        catch (Exception e)
        {
            // A failed write ends the stream: the main loop sees the error on its next read.
            _events.Writer.TryComplete(e);
            throw;
        }
    }
}
