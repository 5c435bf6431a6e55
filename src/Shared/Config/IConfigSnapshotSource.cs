namespace ControlPlane.Shared.Config;

/// <summary>
/// Where a consumer (Pilot, Mixer) gets validated config: in Meshd straight from Galley, alone
/// from a Galley subscription over xDS. Consumers depend on this and nothing else.
/// </summary>
public interface IConfigSnapshotSource
{
    /// <summary>The newest snapshot; <see cref="ConfigSnapshot.Empty"/> until the first arrives.</summary>
    ConfigSnapshot Current { get; }

    /// <summary>
    /// Calls <paramref name="onChange"/> with each new snapshot until disposed; it does not replay
    /// <see cref="Current"/>. Consumers follow a source with <see cref="ConfigSnapshotFollower.Follow"/>,
    /// which does, without losing a snapshot published in between.
    /// </summary>
    IDisposable Subscribe(Action<ConfigSnapshot> onChange);
}
