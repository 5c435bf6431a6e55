using ControlPlane.Shared.Config;

namespace ControlPlane.Mixer;

/// <summary>
/// The config source when nothing else registers one (Mixer alone without a Galley subscription):
/// always the empty snapshot, so every request is allowed and nothing is limited.
/// </summary>
internal sealed class NoConfigSnapshotSource : IConfigSnapshotSource
{
    public ConfigSnapshot Current => ConfigSnapshot.Empty;

    public IDisposable Subscribe(Action<ConfigSnapshot> onChange) => new Unsubscribe();

    private sealed class Unsubscribe : IDisposable
    {
        public void Dispose()
        {
        }
    }
}
