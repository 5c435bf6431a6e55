namespace ControlPlane.Shared.Xds.Client;

/// <summary>What an accepted response (or an unsubscribe) changed in the client's view of one type.</summary>
public sealed record XdsClientUpdate(
    string TypeUrl,
    string Version,
    IReadOnlyList<XdsClientResource> Upserted,
    IReadOnlyList<string> Removed);
