namespace ControlPlane.Shared.Xds.Server;

/// <summary>Where one client stands for one type URL (a row of Pilot's <c>/debug/syncz</c>).</summary>
public sealed record XdsTypeStatus(
    string TypeUrl,
    XdsSubscription? Subscription,
    string? SentVersion,
    string? SentNonce,
    string? AckedVersion,
    XdsNackStatus? LastNack,
    long Pushes,
    long Acks,
    long Nacks)
{
    /// <summary>True when the client acknowledged the last version sent (istioctl's SYNCED).</summary>
    public bool IsSynced => SentVersion is not null && SentVersion == AckedVersion && (LastNack is null || LastNack.Nonce != SentNonce);
}
