namespace ControlPlane.Pilot.Debug;

/// <summary>
/// One client and type: istioctl's status (<c>SYNCED</c>: the last version sent was acknowledged;
/// <c>STALE</c>: sent, not yet acknowledged; <c>NACKED</c>: the last version sent was rejected and the
/// client kept its previous one; <c>NOT SENT</c>), the versions, and the last rejection.
/// </summary>
internal sealed record TypeSyncStatus(
    string Type,
    string TypeUrl,
    string Status,
    string? SentVersion,
    string? AckedVersion,
    string? LastNackVersion,
    string? LastNackMessage,
    DateTimeOffset? LastNackAt,
    long Pushes,
    long Acks,
    long Nacks)
{
    public const string Synced = "SYNCED";
    public const string Stale = "STALE";
    public const string Nacked = "NACKED";
    public const string NotSent = "NOT SENT";
}
