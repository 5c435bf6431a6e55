using System.Threading.Channels;
using Grpc.Core;

namespace ControlPlane.Shared.Xds.Client;

/// <summary>
/// One ADS stream of an <see cref="XdsClient"/>: a writer drains the outgoing queue, the reader
/// hands each response to the protocol and queues its ACK/NACK. Ends when the stream does.
/// </summary>
internal sealed class XdsClientConnection<TRequest, TResponse>(
    IXdsClientProtocol<TRequest, TResponse> protocol,
    XdsClientCallbacks callbacks)
    where TRequest : class
{
    private readonly Channel<TRequest> _outgoing = Channel.CreateUnbounded<TRequest>(new() { SingleReader = true });

    /// <summary>Queues a request (subscription change); false once the stream has ended.</summary>
    public bool Send(TRequest request) => _outgoing.Writer.TryWrite(request);

    public async Task RunAsync(AsyncDuplexStreamingCall<TRequest, TResponse> call, IReadOnlyList<TRequest> openRequests, CancellationToken cancellationToken)
    {
        foreach (var request in openRequests)
        {
            _outgoing.Writer.TryWrite(request);
        }

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var writer = WriteAsync(call.RequestStream, cts.Token);
        try
        {
            await foreach (var response in call.ResponseStream.ReadAllAsync(cts.Token))
            {
                XdsClientStep<TRequest> step;
                lock (callbacks.Gate)
                {
                    step = protocol.OnResponse(response, callbacks.Lookup);
                    if (step.Reply is { } reply)
                    {
                        _outgoing.Writer.TryWrite(reply);
                    }
                }

                callbacks.Received(step.Update, step.Rejection);
            }
        }
        finally
        {
            _outgoing.Writer.TryComplete();
            await cts.CancelAsync();
            await writer.ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task WriteAsync(IClientStreamWriter<TRequest> stream, CancellationToken cancellationToken)
    {
        await foreach (var request in _outgoing.Reader.ReadAllAsync(cancellationToken))
        {
            await stream.WriteAsync(request, cancellationToken);
        }
    }
}
