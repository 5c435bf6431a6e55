using ControlPlane.Pilot.Model;
using ControlPlane.Shared.Config;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ControlPlane.Shared.Hosting;

namespace ControlPlane.Pilot.Xds.Push;

/// <summary>
/// Turns config snapshots into pushes: serves the first loaded config as soon as it exists, then
/// debounces every newer snapshot, rebuilds only the indexes of the mesh snapshot whose kinds
/// changed (the snapshot says which), and hands it to the provider, which tells the streams which
/// types to push.
/// </summary>
/// <remarks>
/// Snapshots arrive through <see cref="ConfigSnapshotFollower.Follow"/>, so never version 0: until
/// the source has loaded something (the file source's first pass, or the Galley subscription's first
/// complete snapshot) nothing is built, and Pilot stays unready and answers no client rather than
/// serving an empty mesh that clients would ACK.
/// </remarks>
internal sealed partial class ConfigPushService(
    IConfigSnapshotSource source,
    PilotResourceProvider provider,
    TimeProvider time,
    IOptions<PilotOptions> options,
    ILogger<ConfigPushService> logger) : IHostedService, IDisposable
{
    private static readonly IReadOnlySet<string> AllKinds = ConfigKinds.All.Select(k => k.Kind).ToHashSet(StringComparer.Ordinal);

    private readonly Lock _gate = new();
    private PushDebouncer<PendingConfig>? _debouncer;
    private IDisposable? _subscription;
    private ConfigSnapshot _received = ConfigSnapshot.Empty;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _debouncer = new PushDebouncer<PendingConfig>(time, options.Value.DebounceQuiet, options.Value.DebounceMax, PendingConfig.Merge, Apply);
        _subscription = source.Follow(Received);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _debouncer?.Dispose();
    }

    private void Received(ConfigSnapshot snapshot)
    {
        // Follow passes snapshots one at a time and in order; a skipped version means the change is not known.
        var pending = new PendingConfig(snapshot, snapshot.ChangedSince(_received), time.GetTimestamp());
        _received = snapshot;
        if (provider.Snapshot.Version == 0)
        {
            // The first world is pushed at once: nothing is served yet, so there is nothing to batch with.
            Apply(pending with { ChangedKinds = null });
        }
        else
        {
            _debouncer!.Enqueue(pending);
        }
    }

    private void Apply(PendingConfig pending)
    {
        lock (_gate)
        {
            var changed = pending.ChangedKinds ?? AllKinds;
            if (changed.Count == 0 && provider.Snapshot.Version > 0)
            {
                return;
            }

            var snapshot = MeshSnapshotBuilder.Build(provider.Snapshot, pending.Config, changed);
            var types = provider.Update(snapshot, changed, pending.FirstSeenTimestamp);
            LogPush(snapshot.Version, pending.Config.Version, string.Join(",", changed.Order(StringComparer.Ordinal)), string.Join(",", types.Select(Generation.XdsTypeNames.ShortName)));
        }
    }

    [LoggerMessage(EventId = LogEventIds.PilotPush + 1, Level = LogLevel.Information, Message = "Mesh snapshot {Version} from config {ConfigVersion}: changed kinds [{Kinds}], pushing [{Types}]")]
    private partial void LogPush(long version, long configVersion, string kinds, string types);
}
