using ControlPlane.Shared.Config;

namespace ControlPlane.Pilot.Xds.Push;

/// <summary>The newest config waiting for a push, and when the oldest change it carries arrived.</summary>
internal sealed record PendingConfig(ConfigSnapshot Config, long FirstSeenTimestamp)
{
    public static PendingConfig Merge(PendingConfig? pending, PendingConfig next) =>
        pending is null ? next : next with { FirstSeenTimestamp = pending.FirstSeenTimestamp };
}
