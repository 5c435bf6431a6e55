namespace ControlPlane.Shared.Xds.Client;

/// <summary>What a connection needs from its client: the shared lock, type lookup and event raising.</summary>
internal sealed record XdsClientCallbacks(
    Lock Gate,
    Func<string, XdsClientTypeState?> Lookup,
    Action<XdsClientUpdate?, XdsClientRejection?> Received);
