using ControlPlane.Shared.Config.Sources.Files;
using ControlPlane.Shared.Config.Validation;
using ControlPlane.Shared.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ControlPlane.Shared.Config.Sources.Files;

/// <summary>
/// Runs the file source: a first load at start, then a pass after each burst of file system
/// events (debounced) and at least every rescan interval, because events can be lost (inotify
/// queue overflow, network file systems, a watcher that could not start). Each pass that changes
/// what is in service publishes the next snapshot; one that only changes the problems updates
/// the status (<c>/debug/configz</c>, metrics).
/// </summary>
internal sealed class FileConfigWatcher(
    IOptions<MeshHostOptions> hostOptions,
    IOptions<FileSourceOptions> options,
    IConfigFileLoader loader,
    IConfigValidator validator,
    FileSnapshotStore store,
    FileSourceMetrics metrics,
    ILogger<FileConfigWatcher> logger) : BackgroundService
{
    private readonly HashSet<string> _reportedDuplicates = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var directory = hostOptions.Value.ConfigDir;
        if (string.IsNullOrWhiteSpace(directory))
        {
            logger.NoConfigDir();
            Publish(SnapshotAssembler.Assemble([]), null, new HashSet<string>());
            return;
        }

        var reconciler = new FileConfigReconciler(directory, loader, validator, metrics, logger);
        using var feed = new DirectoryChangeFeed(options.Value);
        var watching = false;
        var watchFailed = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            // Start watching as soon as the directory exists (it may appear after start).
            if (!watching && !watchFailed && Directory.Exists(directory))
            {
                watching = feed.TryStart(directory, out var reason);
                watchFailed = !watching;
                if (watchFailed)
                {
                    logger.WatchUnavailable(directory, reason ?? "unknown", options.Value.RescanInterval);
                }
            }

            IReadOnlySet<string>? forced = null;
            if (store.IsReady)
            {
                try
                {
                    forced = await feed.WaitAsync(stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
            }

            Pass(reconciler, forced);
        }
    }

    private void Pass(FileConfigReconciler reconciler, IReadOnlySet<string>? forced)
    {
        bool changed;
        IReadOnlySet<string>? changedKinds;
        try
        {
            if (!store.IsReady && !Directory.Exists(reconciler.Root))
            {
                logger.DirectoryMissing(reconciler.Root);
            }

            changed = reconciler.Reconcile(forced);
            changedKinds = reconciler.TakeChangedKinds();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.ReloadFailed(reconciler.Root, e);
            if (store.IsReady)
            {
                return;
            }

            changed = true;
            changedKinds = null;
        }

        var assembled = SnapshotAssembler.Assemble(reconciler.Files.Values);
        LogNewDuplicates(reconciler, assembled);
        Publish(assembled, reconciler.Root, changedKinds, changed || !store.IsReady);
    }

    private void Publish(AssembledConfig assembled, string? directory, IReadOnlySet<string>? changedKinds, bool changed = true)
    {
        if (changed)
        {
            var snapshot = store.Publish(assembled, directory, changedKinds);
            logger.SnapshotPublished(snapshot.Version, directory ?? "-", snapshot.Objects.Count, snapshot.KubernetesObjects.Count);
        }
        else
        {
            store.ReportProblems(assembled, directory);
        }

        metrics.Observe(store.Status, changed);
    }

    private void LogNewDuplicates(FileConfigReconciler reconciler, AssembledConfig assembled)
    {
        var current = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, diagnostics) in assembled.DiagnosticsByFile)
        {
            // The assembler appends duplicate reports after the file's own diagnostics.
            foreach (var duplicate in diagnostics.Skip(reconciler.Files[path].Diagnostics.Count))
            {
                var text = duplicate.ToString();
                current.Add(text);
                if (!_reportedDuplicates.Contains(text))
                {
                    logger.ConfigProblem(duplicate, keptLastGood: true);
                }
            }
        }

        _reportedDuplicates.Clear();
        _reportedDuplicates.UnionWith(current);
    }
}
