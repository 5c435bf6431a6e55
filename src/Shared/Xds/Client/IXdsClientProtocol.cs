namespace ControlPlane.Shared.Xds.Client;

/// <summary>
/// One ADS variant on the client side, without transport: builds requests from the per-type
/// state and turns responses into ACK/NACK replies and updates. Callers hold the client's lock.
/// </summary>
internal interface IXdsClientProtocol<TRequest, TResponse>
    where TRequest : class
{
    /// <summary>Requests that open a new stream: one per subscribed type, the first carrying the node.</summary>
    IReadOnlyList<TRequest> Open(IEnumerable<XdsClientTypeState> types);

    /// <summary>The request telling the server a type's subscription changed, if one is needed.</summary>
    TRequest? SubscriptionChanged(XdsClientTypeState state);

    /// <summary>Handles one response.</summary>
    XdsClientStep<TRequest> OnResponse(TResponse response, Func<string, XdsClientTypeState?> types);
}
