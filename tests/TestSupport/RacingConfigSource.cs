using ControlPlane.Shared.Config;

namespace ControlPlane.TestSupport;

/// <summary>
/// A config source where <paramref name="published"/> is published while a consumer reads
/// <see cref="Current"/>, which still returns the older <paramref name="stale"/> (the read raced the
/// publish): only a consumer that subscribed before reading sees the newer snapshot, and it then
/// receives the older one last and must keep the newer.
/// </summary>
public sealed class RacingConfigSource(ConfigSnapshot stale, ConfigSnapshot published) : IConfigSnapshotSource
{
    private readonly List<Action<ConfigSnapshot>> _subscribers = [];

    public ConfigSnapshot Current
    {
        get
        {
            foreach (var subscriber in _subscribers.ToArray())
            {
                subscriber(published);
            }

            return stale;
        }
    }

    public IDisposable Subscribe(Action<ConfigSnapshot> onChange)
    {
        _subscribers.Add(onChange);
        return new Subscription(this, onChange);
    }

    private sealed class Subscription(RacingConfigSource source, Action<ConfigSnapshot> onChange) : IDisposable
    {
        public void Dispose() => source._subscribers.Remove(onChange);
    }
}
