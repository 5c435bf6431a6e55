namespace ControlPlane.Pilot.Debug;

/// <summary>One row of <c>/debug/syncz</c>: a connected client (stream) and where it stands per type. Read back by <c>meshctl proxy-status</c>.</summary>
internal sealed record SyncStatus(
    string NodeId,
    long StreamId,
    string Protocol,
    string Peer,
    DateTimeOffset ConnectedAt,
    IReadOnlyList<TypeSyncStatus> Types);
