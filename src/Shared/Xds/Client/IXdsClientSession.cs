namespace ControlPlane.Shared.Xds.Client;

/// <summary>The protocol-specific half of an <see cref="XdsClient"/>: opening streams and telling the current one about subscription changes.</summary>
internal interface IXdsClientSession
{
    /// <summary>Opens one stream and runs it until it ends; <paramref name="onResponse"/> fires on each response.</summary>
    Task RunOnceAsync(Action onResponse, CancellationToken cancellationToken);

    /// <summary>Called under the client's lock when a type's subscription changed.</summary>
    void SubscriptionChanged(XdsClientTypeState state);
}
