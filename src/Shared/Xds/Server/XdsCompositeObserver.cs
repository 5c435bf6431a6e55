namespace ControlPlane.Shared.Xds.Server;

/// <summary>Fans every stream event out to several observers.</summary>
internal sealed class XdsCompositeObserver(IReadOnlyList<IXdsStreamObserver> observers) : IXdsStreamObserver
{
    public void StreamOpened(XdsStreamContext stream)
    {
        foreach (var o in observers)
        {
            o.StreamOpened(stream);
        }
    }

    public void StreamClosed(XdsStreamContext stream, string? reason)
    {
        foreach (var o in observers)
        {
            o.StreamClosed(stream, reason);
        }
    }

    public void RequestReceived(XdsStreamContext stream, string typeUrl)
    {
        foreach (var o in observers)
        {
            o.RequestReceived(stream, typeUrl);
        }
    }

    public void SubscriptionChanged(XdsStreamContext stream, string typeUrl, XdsSubscription subscription)
    {
        foreach (var o in observers)
        {
            o.SubscriptionChanged(stream, typeUrl, subscription);
        }
    }

    public void ResponseSent(XdsStreamContext stream, XdsSentResponse response)
    {
        foreach (var o in observers)
        {
            o.ResponseSent(stream, response);
        }
    }

    public void Acked(XdsStreamContext stream, string typeUrl, string version, string nonce)
    {
        foreach (var o in observers)
        {
            o.Acked(stream, typeUrl, version, nonce);
        }
    }

    public void Nacked(XdsStreamContext stream, string typeUrl, string version, string nonce, string errorMessage)
    {
        foreach (var o in observers)
        {
            o.Nacked(stream, typeUrl, version, nonce, errorMessage);
        }
    }

    public void StreamCut(XdsStreamContext stream)
    {
        foreach (var o in observers)
        {
            o.StreamCut(stream);
        }
    }
}
