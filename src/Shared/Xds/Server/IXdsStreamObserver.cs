namespace ControlPlane.Shared.Xds.Server;

/// <summary>
/// Hooks the xDS server calls as streams progress (go-control-plane's callbacks): for metrics,
/// status pages and logs. Called on stream loops: implementations must be thread-safe and quick.
/// Every method has an empty default so observers implement only what they need.
/// </summary>
public interface IXdsStreamObserver
{
    /// <summary>A stream's first request arrived and named its node.</summary>
    void StreamOpened(XdsStreamContext stream)
    {
    }

    /// <summary>A stream ended; <paramref name="reason"/> is null for a normal close.</summary>
    void StreamClosed(XdsStreamContext stream, string? reason)
    {
    }

    /// <summary>A request for <paramref name="typeUrl"/> arrived (ACKs and NACKs included).</summary>
    void RequestReceived(XdsStreamContext stream, string typeUrl)
    {
    }

    /// <summary>A request changed what the stream subscribes to of <paramref name="typeUrl"/>.</summary>
    void SubscriptionChanged(XdsStreamContext stream, string typeUrl, XdsSubscription subscription)
    {
    }

    /// <summary>A response was queued for the stream: what the client is sent, as sent.</summary>
    void ResponseSent(XdsStreamContext stream, XdsSentResponse response)
    {
    }

    /// <summary>The client accepted the response with this nonce.</summary>
    void Acked(XdsStreamContext stream, string typeUrl, string version, string nonce)
    {
    }

    /// <summary>The client rejected the response with this nonce; it keeps its previous config.</summary>
    void Nacked(XdsStreamContext stream, string typeUrl, string version, string nonce, string errorMessage)
    {
    }

    /// <summary>The stream could not keep up with its send queue and was cut.</summary>
    void StreamCut(XdsStreamContext stream)
    {
    }
}
