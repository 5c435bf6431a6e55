using ControlPlane.Shared.Config;

namespace ControlPlane.Mixer;

/// <summary>
/// The config source when nothing else registers one (Mixer alone without a Galley subscription):
/// a loaded snapshot with nothing in it, so every request is allowed and nothing is limited.
/// </summary>
internal sealed class NoConfigSnapshotSource : IConfigSnapshotSource
{
    private static readonly ConfigSnapshot Nothing = new(1, []);

    public ConfigSnapshot Current => Nothing;

    public IDisposable Subscribe(Action<ConfigSnapshot> onChange) => new Unsubscribe();

    private sealed class Unsubscribe : IDisposable
    {
        public void Dispose()
        {
        }
    }
}
