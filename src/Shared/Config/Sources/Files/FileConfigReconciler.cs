using ControlPlane.Shared.Config.Sources.Files;
using ControlPlane.Shared.Config.Validation;
using ControlPlane.Shared.Config;
using Microsoft.Extensions.Logging;

namespace ControlPlane.Shared.Config.Sources.Files;

/// <summary>
/// The file source's state, one pass at a time: scans the directory, re-reads new and changed
/// files, validates their objects and keeps, per file, what is in service. No timers and no
/// threads here: <see cref="FileConfigWatcher"/> decides when a pass runs.
/// </summary>
/// <remarks>
/// Keep-last-good, per file: objects that load and validate go in service. While a file has
/// errors, it never loses an object: those of its last valid objects that the broken version
/// does not validly define (the broken one, or all of them when the YAML does not parse) stay in
/// service until the file is fixed or deleted. A clean load replaces the file's objects exactly,
/// so removing an object from a valid file removes it from service.
/// </remarks>
internal sealed class FileConfigReconciler(string root, IConfigFileLoader loader, IConfigValidator validator, FileSourceMetrics metrics, ILogger logger)
{
    private readonly Dictionary<string, ConfigFileState> _files = new(StringComparer.Ordinal);
    private readonly HashSet<string> _changedKinds = new(StringComparer.Ordinal);

    public string Root { get; } = root;

    /// <summary>The files read so far, by path.</summary>
    public IReadOnlyDictionary<string, ConfigFileState> Files => _files;

    /// <summary>
    /// One pass. Files whose full path is in <paramref name="forced"/> are re-read even if their
    /// size and time look unchanged. Returns whether anything in service changed.
    /// </summary>
    public bool Reconcile(IReadOnlySet<string>? forced = null)
    {
        var scanned = ConfigDirectoryScanner.Scan(Root);
        var changed = false;
        foreach (var gone in _files.Keys.Where(p => !scanned.ContainsKey(p)).ToList())
        {
            var state = _files[gone];
            _files.Remove(gone);
            logger.FileRemoved(gone, state.InService.Count + state.KubernetesInService.Count);
            changed |= state.InService.Count + state.KubernetesInService.Count > 0;
            _changedKinds.UnionWith(ConfigContentComparer.ChangedKinds(state, null));
        }

        foreach (var (path, stamp) in scanned.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            _files.TryGetValue(path, out var previous);
            var mustRead = previous is null || previous.Stamp != stamp || (forced?.Contains(Path.GetFullPath(path)) ?? false);
            if (!mustRead)
            {
                continue;
            }

            var next = Load(path, stamp, previous);
            _files[path] = next;
            if (!ConfigContentComparer.SameInService(previous, next))
            {
                changed = true;
                _changedKinds.UnionWith(ConfigContentComparer.ChangedKinds(previous, next));
            }
        }

        return changed;
    }

    /// <summary>
    /// The kinds whose objects in service changed over the passes since the last call (known
    /// here, per file, so no consumer has to compare snapshots), and starts counting afresh.
    /// </summary>
    public IReadOnlySet<string> TakeChangedKinds()
    {
        var kinds = _changedKinds.ToHashSet(StringComparer.Ordinal);
        _changedKinds.Clear();
        return kinds;
    }

    private ConfigFileState Load(string path, FileStamp stamp, ConfigFileState? previous)
    {
        ConfigFileContent content;
        try
        {
            content = loader.Load(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            content = ConfigFileContent.Failed(new ConfigDiagnostic(DiagnosticLevel.Error, $"cannot read the file: {e.Message}", new SourcePosition(path, 1, 1)));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A loader defect on one file must not stop the others from reloading.
            content = ConfigFileContent.Failed(new ConfigDiagnostic(DiagnosticLevel.Error, $"the file could not be loaded ({e.GetType().Name}: {e.Message})", new SourcePosition(path, 1, 1)));
        }

        var diagnostics = new List<ConfigDiagnostic>(content.Diagnostics);
        var valid = new List<ConfigObject>();
        foreach (var candidate in content.Objects)
        {
            var result = validator.Validate(candidate);
            diagnostics.AddRange(result.Errors);
            diagnostics.AddRange(result.Warnings);
            if (result.IsValid)
            {
                valid.Add(candidate);
            }
        }

        var errors = diagnostics.Count(d => d.Level == DiagnosticLevel.Error);
        IReadOnlyList<ConfigObject> inService = valid;
        IReadOnlyList<KubernetesObject> kubernetes = content.KubernetesObjects;
        if (errors > 0 && previous is not null)
        {
            var validKeys = valid.Select(ObjectKeys.Of).ToHashSet();
            inService = [.. valid, .. previous.InService.Where(o => !validKeys.Contains(ObjectKeys.Of(o)))];
            var kubeKeys = kubernetes.Select(ObjectKeys.Of).ToHashSet();
            kubernetes = [.. kubernetes, .. previous.KubernetesInService.Where(o => !kubeKeys.Contains(ObjectKeys.Of(o)))];
        }

        foreach (var diagnostic in diagnostics)
        {
            logger.ConfigProblem(diagnostic, keptLastGood: previous is not null);
        }

        metrics.ErrorsFound(errors);
        logger.FileLoaded(path, inService.Count + kubernetes.Count, errors);
        return new ConfigFileState(path, stamp, inService, kubernetes, diagnostics);
    }
}
