namespace ControlPlane.Shared.Xds.Server;

/// <summary>One connected client (one stream) and its per-type state, as <see cref="XdsStatusTracker"/> sees it.</summary>
public sealed record XdsClientStatus(
    string NodeId,
    long StreamId,
    XdsProtocol Protocol,
    string Peer,
    DateTimeOffset ConnectedAt,
    IReadOnlyList<XdsTypeStatus> Types);
