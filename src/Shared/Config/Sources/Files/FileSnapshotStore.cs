using ControlPlane.Shared.Config;
using Microsoft.Extensions.Logging;
using ControlPlane.Shared.Hosting;

namespace ControlPlane.Shared.Config.Sources.Files;

/// <summary>
/// Galley's <see cref="IConfigSnapshotSource"/>: holds the snapshot in service and hands each new
/// one to subscribers. In Meshd, Pilot and Mixer resolve this very instance; distribution serves
/// the same snapshots over xDS. Versions start at 1 with the first snapshot and go up by one.
/// </summary>
/// <remarks>
/// Subscribers are called synchronously on the publishing thread, in subscription order, one
/// snapshot at a time; <see cref="Subscribe"/> does not replay <see cref="Current"/>: read it
/// after subscribing to miss nothing.
/// </remarks>
internal sealed partial class FileSnapshotStore(ILogger<FileSnapshotStore> logger, TimeProvider? time = null) : IConfigSnapshotSource
{
    private readonly Lock _publishing = new();
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private FileSourceStatus _status = FileSourceStatus.Initial;
    private ImmutableSubscribers _subscribers = ImmutableSubscribers.None;

    public ConfigSnapshot Current => Status.Snapshot;

    /// <summary>The snapshot with the current problems.</summary>
    public FileSourceStatus Status => Volatile.Read(ref _status);

    /// <summary>True once the first snapshot was published.</summary>
    public bool IsReady => Current.Version > 0;

    /// <summary>Publishes a new snapshot (next version) carrying <paramref name="changedKinds"/> and tells every subscriber.</summary>
    public ConfigSnapshot Publish(AssembledConfig config, string? configDir, IReadOnlySet<string>? changedKinds)
    {
        lock (_publishing)
        {
            var snapshot = new ConfigSnapshot(Current.Version + 1, config.Objects, config.KubernetesObjects, changedKinds);
            Volatile.Write(ref _status, new FileSourceStatus(snapshot, config.DiagnosticsByFile, configDir, _time.GetUtcNow()));
            foreach (var subscriber in Volatile.Read(ref _subscribers).Items)
            {
                try
                {
                    subscriber(snapshot);
                }
                catch (Exception e)
                {
                    SubscriberFailed(snapshot.Version, e);
                }
            }

            return snapshot;
        }
    }

    /// <summary>
    /// Records the problems of a pass that left the snapshot in service the same. The status, and
    /// its <c>UpdatedAt</c>, only change when the problems did: a rescan that finds what the last
    /// one found changes nothing.
    /// </summary>
    public void ReportProblems(AssembledConfig config, string? configDir)
    {
        lock (_publishing)
        {
            var status = Status;
            if (status.ConfigDir == configDir && SameProblems(status.DiagnosticsByFile, config.DiagnosticsByFile))
            {
                return;
            }

            Volatile.Write(ref _status, status with { DiagnosticsByFile = config.DiagnosticsByFile, ConfigDir = configDir, UpdatedAt = _time.GetUtcNow() });
        }
    }

    public IDisposable Subscribe(Action<ConfigSnapshot> onChange)
    {
        ArgumentNullException.ThrowIfNull(onChange);
        ImmutableSubscribers before, after;
        do
        {
            before = Volatile.Read(ref _subscribers);
            after = before.With(onChange);
        }
        while (Interlocked.CompareExchange(ref _subscribers, after, before) != before);

        return new Subscription(this, onChange);
    }

    private void Unsubscribe(Action<ConfigSnapshot> onChange)
    {
        ImmutableSubscribers before, after;
        do
        {
            before = Volatile.Read(ref _subscribers);
            after = before.Without(onChange);
        }
        while (Interlocked.CompareExchange(ref _subscribers, after, before) != before);
    }

    private static bool SameProblems(
        IReadOnlyDictionary<string, IReadOnlyList<ConfigDiagnostic>> before,
        IReadOnlyDictionary<string, IReadOnlyList<ConfigDiagnostic>> after) =>
        before.Count == after.Count &&
        before.All(file => after.TryGetValue(file.Key, out var now) && file.Value.SequenceEqual(now));

    [LoggerMessage(EventId = LogEventIds.ConfigFileSource + 50, Level = LogLevel.Error, Message = "A config snapshot subscriber failed on version {Version}")]
    private partial void SubscriberFailed(long version, Exception exception);

    private sealed class ImmutableSubscribers(Action<ConfigSnapshot>[] items)
    {
        public static ImmutableSubscribers None { get; } = new([]);

        public Action<ConfigSnapshot>[] Items { get; } = items;

        public ImmutableSubscribers With(Action<ConfigSnapshot> item) => new([.. Items, item]);

        public ImmutableSubscribers Without(Action<ConfigSnapshot> item)
        {
            var index = Array.IndexOf(Items, item);
            return index < 0 ? this : new([.. Items[..index], .. Items[(index + 1)..]]);
        }
    }

    private sealed class Subscription(FileSnapshotStore store, Action<ConfigSnapshot> onChange) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                store.Unsubscribe(onChange);
            }
        }
    }
}
