using Grpc.Core;

namespace ControlPlane.Shared.Xds.Client;

/// <summary>Opens ADS streams of one variant and keeps track of the live one.</summary>
internal sealed class XdsClientSession<TRequest, TResponse>(
    IXdsClientProtocol<TRequest, TResponse> protocol,
    XdsClientCallbacks callbacks,
    Func<IEnumerable<XdsClientTypeState>> types,
    Func<CancellationToken, AsyncDuplexStreamingCall<TRequest, TResponse>> open) : IXdsClientSession
    where TRequest : class
{
    private XdsClientConnection<TRequest, TResponse>? _current;

    public async Task RunOnceAsync(Action onResponse, CancellationToken cancellationToken)
    {
        using var call = open(cancellationToken);
        var wrapped = callbacks with
        {
            Received = (update, rejection) =>
            {
                onResponse();
                callbacks.Received(update, rejection);
            },
        };
        var connection = new XdsClientConnection<TRequest, TResponse>(protocol, wrapped);
        IReadOnlyList<TRequest> openRequests;
        lock (callbacks.Gate)
        {
            openRequests = protocol.Open(types());
            _current = connection;
        }

        try
        {
            await connection.RunAsync(call, openRequests, cancellationToken);
        }
        finally
        {
            lock (callbacks.Gate)
            {
                if (_current == connection)
                {
                    _current = null;
                }
            }
        }
    }

    public void SubscriptionChanged(XdsClientTypeState state)
    {
        if (_current is { } connection && protocol.SubscriptionChanged(state) is { } request)
        {
            connection.Send(request);
        }
    }
}
