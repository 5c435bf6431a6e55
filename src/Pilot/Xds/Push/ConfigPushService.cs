using ControlPlane.Pilot.Model;
using ControlPlane.Shared.Config;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ControlPlane.Shared.Hosting;

namespace ControlPlane.Pilot.Xds.Push;

/// <summary>
/// Turns config snapshots into pushes: serves the first loaded config as soon as it exists, then
/// debounces every newer snapshot, works out which kinds changed, rebuilds only those indexes of the
/// mesh snapshot, and hands it to the provider, which tells the streams which types to push.
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
    PushTimeline timeline,
    IOptions<PilotOptions> options,
    ILogger<ConfigPushService> logger) : IHostedService, IDisposable
{
    private readonly Lock _gate = new();
    private PushDebouncer<PendingConfig>? _debouncer;
    private IDisposable? _subscription;
    private ConfigSnapshot _applied = ConfigSnapshot.Empty;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var time = timeline.Time;
        _debouncer = new PushDebouncer<PendingConfig>(time, options.Value.DebounceQuiet, options.Value.DebounceMax, PendingConfig.Merge, Apply);
        _subscription = source.Follow(snapshot => Received(new PendingConfig(snapshot, time.GetTimestamp())));
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

    private void Received(PendingConfig pending)
    {
        if (provider.Snapshot.Version == 0)
        {
            // The first world is pushed at once: nothing is served yet, so there is nothing to batch with.
            Apply(pending);
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
            var changed = ConfigChange.ChangedKinds(_applied, pending.Config);
            _applied = pending.Config;
            if (changed.Count == 0 && provider.Snapshot.Version > 0)
            {
                return;
            }

            var snapshot = MeshSnapshotBuilder.Build(provider.Snapshot, pending.Config, changed);
            timeline.Record(provider.AffectedTypes(changed), pending.FirstSeenTimestamp);
            var types = provider.Update(snapshot, changed);
            LogPush(snapshot.Version, pending.Config.Version, string.Join(",", changed.Order(StringComparer.Ordinal)), string.Join(",", types.Select(Generation.XdsTypeNames.ShortName)));
        }
    }

    [LoggerMessage(EventId = LogEventIds.PilotPush + 1, Level = LogLevel.Information, Message = "Mesh snapshot {Version} from config {ConfigVersion}: changed kinds [{Kinds}], pushing [{Types}]")]
    private partial void LogPush(long version, long configVersion, string kinds, string types);
}
