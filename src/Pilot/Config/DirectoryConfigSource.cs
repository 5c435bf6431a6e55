using ControlPlane.Shared.Config;
using ControlPlane.Shared.Config.Loading;
using Microsoft.Extensions.Logging;

namespace ControlPlane.Pilot.Config;

/// <summary>
/// A stand-in config source for a Pilot with no Galley: loads <c>--config-dir</c> with Shared's
/// loader and reloads it when a file changes (or on <see cref="Reload"/>). Objects with errors are
/// left out and logged; Galley's source, when registered, takes precedence over this one.
/// </summary>
internal sealed partial class DirectoryConfigSource : IConfigSnapshotSource, IDisposable
{
    private readonly string? _directory;
    private readonly ILogger<DirectoryConfigSource> _logger;
    private readonly Lock _gate = new();
    private readonly Lock _reloading = new();
    private readonly List<Action<ConfigSnapshot>> _subscribers = [];
    private readonly FileSystemWatcher? _watcher;
    private readonly Timer _reload;
    private ConfigSnapshot _current = ConfigSnapshot.Empty;

    public DirectoryConfigSource(string? directory, ILogger<DirectoryConfigSource> logger)
    {
        _directory = directory;
        _logger = logger;
        _reload = new Timer(_ => Reload());
        if (directory is null)
        {
            return;
        }

        Directory.CreateDirectory(directory);
        Reload();
        _watcher = new FileSystemWatcher(directory) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.DirectoryName };
        // One write raises several events: read the directory once they stop (20 ms), not once per event.
        _watcher.Changed += (_, _) => ScheduleReload();
        _watcher.Created += (_, _) => ScheduleReload();
        _watcher.Deleted += (_, _) => ScheduleReload();
        _watcher.Renamed += (_, _) => ScheduleReload();
        _watcher.EnableRaisingEvents = true;
    }

    public ConfigSnapshot Current => Volatile.Read(ref _current);

    public IDisposable Subscribe(Action<ConfigSnapshot> onChange)
    {
        lock (_gate)
        {
            _subscribers.Add(onChange);
        }

        return new Unsubscriber(() =>
        {
            lock (_gate)
            {
                _subscribers.Remove(onChange);
            }
        });
    }

    /// <summary>Reads the directory again and tells subscribers (Pilot debounces bursts of reloads).</summary>
    public void Reload()
    {
        if (_directory is null)
        {
            return;
        }

        // Reloads run one at a time so a slower, older read never replaces a newer one.
        lock (_reloading)
        {
            ReloadLocked(_directory);
        }
    }

    private void ReloadLocked(string directory)
    {
        var result = new ConfigLoader().LoadDirectory(directory);
        foreach (var diagnostic in result.Diagnostics.Where(d => d.Level == DiagnosticLevel.Error))
        {
            LogConfigError(diagnostic.ToString());
        }

        Action<ConfigSnapshot>[] subscribers;
        ConfigSnapshot snapshot;
        lock (_gate)
        {
            snapshot = new ConfigSnapshot(_current.Version + 1, result.Objects, result.KubernetesObjects);
            Volatile.Write(ref _current, snapshot);
            subscribers = [.. _subscribers];
        }

        foreach (var subscriber in subscribers)
        {
            subscriber(snapshot);
        }
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _reload.Dispose();
    }

    private void ScheduleReload() => _reload.Change(TimeSpan.FromMilliseconds(20), Timeout.InfiniteTimeSpan);

    [LoggerMessage(EventId = 20, Level = LogLevel.Warning, Message = "Config left out: {Diagnostic}")]
    private partial void LogConfigError(string diagnostic);

    private sealed class Unsubscriber(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
