namespace ControlPlane.Shared.Config;

/// <summary>How a consumer follows an <see cref="IConfigSnapshotSource"/> from start-up on.</summary>
public static class ConfigSnapshotFollower
{
    /// <summary>
    /// Calls <paramref name="onSnapshot"/> with the source's current snapshot and then with every newer
    /// one, one call at a time and in increasing version order; never with version 0 (nothing loaded
    /// yet) nor with a snapshot no newer than the last one passed on. It subscribes before it reads
    /// <see cref="IConfigSnapshotSource.Current"/>, so a snapshot published in between is not lost.
    /// Disposing the result stops the calls.
    /// </summary>
    public static IDisposable Follow(this IConfigSnapshotSource source, Action<ConfigSnapshot> onSnapshot)
    {
        var gate = new Lock();
        long delivered = 0;
        void Deliver(ConfigSnapshot snapshot)
        {
            lock (gate)
            {
                if (snapshot.Version <= delivered)
                {
                    return;
                }

                delivered = snapshot.Version;
                onSnapshot(snapshot);
            }
        }

        var subscription = source.Subscribe(Deliver);
        Deliver(source.Current);
        return subscription;
    }
}
