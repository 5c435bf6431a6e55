using ControlPlane.Shared.Config;

namespace ControlPlane.TestSupport;

/// <summary>A config source a test publishes snapshots into, standing in for Galley.</summary>
public sealed class InMemoryConfigSource : IConfigSnapshotSource
{
    private readonly Lock _gate = new();
    private readonly List<Action<ConfigSnapshot>> _subscribers = [];
    private ConfigSnapshot _current = ConfigSnapshot.Empty;

    public ConfigSnapshot Current => Volatile.Read(ref _current);

    /// <summary>Replaces the whole config with <paramref name="objects"/> as the next version.</summary>
    public ConfigSnapshot Publish(params ConfigObject[] objects)
    {
        Action<ConfigSnapshot>[] targets;
        ConfigSnapshot snapshot;
        lock (_gate)
        {
            snapshot = new ConfigSnapshot(_current.Version + 1, objects);
            Volatile.Write(ref _current, snapshot);
            targets = [.. _subscribers];
        }

        foreach (var target in targets)
        {
            target(snapshot);
        }

        return snapshot;
    }

    public IDisposable Subscribe(Action<ConfigSnapshot> onChange)
    {
        lock (_gate)
        {
            _subscribers.Add(onChange);
        }

        return new Subscription(this, onChange);
    }

    private sealed class Subscription(InMemoryConfigSource source, Action<ConfigSnapshot> onChange) : IDisposable
    {
        public void Dispose()
        {
            lock (source._gate)
            {
                source._subscribers.Remove(onChange);
            }
        }
    }
}
