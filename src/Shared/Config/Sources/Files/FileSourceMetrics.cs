using Prometheus;

namespace ControlPlane.Shared.Config.Sources.Files;

/// <summary>
/// Galley's config metrics, on the host's own registry: objects in service by kind, the
/// snapshot version, and config errors (current, and found over time).
/// </summary>
internal sealed class FileSourceMetrics
{
    private readonly Gauge _objects;
    private readonly Gauge _snapshotVersion;
    private readonly Gauge _errors;
    private readonly Counter _errorsFound;
    private readonly Counter _reloads;
    private readonly HashSet<string> _kindsSeen = new(StringComparer.Ordinal);

    public FileSourceMetrics(IMetricFactory factory)
    {
        _objects = factory.CreateGauge("galley_objects", "Config objects in service, by kind (Istio and Kubernetes kinds).", ["kind"]);
        _snapshotVersion = factory.CreateGauge("galley_snapshot_version", "Version of the config snapshot in service.");
        _errors = factory.CreateGauge("galley_config_errors", "Config errors currently reported across all files (their files keep their last valid objects in service).");
        _errorsFound = factory.CreateCounter("galley_config_errors_total", "Config errors found by file loads, counted at each load.");
        _reloads = factory.CreateCounter("galley_snapshots_published_total", "Config snapshots published.");
        foreach (var kind in Shared.Config.ConfigKinds.All)
        {
            _objects.WithLabels(kind.Kind).Set(0);
            _kindsSeen.Add(kind.Kind);
        }
    }

    /// <summary>Sets the gauges from the status now in service.</summary>
    public void Observe(FileSourceStatus status, bool published)
    {
        lock (_kindsSeen)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var kind in status.Snapshot.Objects.Select(o => o.Kind.Kind).Concat(status.Snapshot.KubernetesObjects.Select(o => o.Kind)))
            {
                counts[kind] = counts.GetValueOrDefault(kind) + 1;
            }

            _kindsSeen.UnionWith(counts.Keys);
            foreach (var kind in _kindsSeen)
            {
                _objects.WithLabels(kind).Set(counts.GetValueOrDefault(kind));
            }
        }

        _snapshotVersion.Set(status.Snapshot.Version);
        _errors.Set(status.ErrorCount);
        if (published)
        {
            _reloads.Inc();
        }
    }

    /// <summary>Counts the errors one file load found.</summary>
    public void ErrorsFound(int count)
    {
        if (count > 0)
        {
            _errorsFound.Inc(count);
        }
    }
}
