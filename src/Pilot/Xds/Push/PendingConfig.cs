using ControlPlane.Shared.Config;

namespace ControlPlane.Pilot.Xds.Push;

/// <summary>
/// The newest config waiting for a push, the kinds changed since the config last applied (null:
/// not known, so every kind counts as changed), and when the oldest change it carries arrived.
/// </summary>
internal sealed record PendingConfig(ConfigSnapshot Config, IReadOnlySet<string>? ChangedKinds, long FirstSeenTimestamp)
{
    /// <summary>Folds <paramref name="next"/> into what is pending: its config, the union of the changed kinds, the older timestamp.</summary>
    public static PendingConfig Merge(PendingConfig? pending, PendingConfig next) =>
        pending is null
            ? next
            : next with
            {
                ChangedKinds = pending.ChangedKinds is null || next.ChangedKinds is null ? null : pending.ChangedKinds.Union(next.ChangedKinds, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal),
                FirstSeenTimestamp = pending.FirstSeenTimestamp,
            };
}
