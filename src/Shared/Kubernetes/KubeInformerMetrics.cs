using Prometheus;

namespace ControlPlane.Shared.Kubernetes;

/// <summary>Informer metrics per resource type, on the host's registry.</summary>
public sealed class KubeInformerMetrics(IMetricFactory factory)
{
    public Counter Events { get; } = factory.CreateCounter("meshd_kube_informer_events_total", "Changes an informer delivered, by resource and event type.", ["resource", "event"]);

    public Counter Relists { get; } = factory.CreateCounter("meshd_kube_informer_relists_total", "Lists after the first, by resource (a watch's resourceVersion expired, 410 Gone).", ["resource"]);

    public Counter WatchRestarts { get; } = factory.CreateCounter("meshd_kube_informer_watch_restarts_total", "Watches resumed from the last seen resourceVersion, by resource.", ["resource"]);

    public Counter Failures { get; } = factory.CreateCounter("meshd_kube_informer_failures_total", "Failed list or watch calls, by resource.", ["resource"]);

    public Gauge Synced { get; } = factory.CreateGauge("meshd_kube_informer_synced", "1 once a resource's informer has completed its first list.", ["resource"]);
}
