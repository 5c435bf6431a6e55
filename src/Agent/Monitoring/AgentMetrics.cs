using ControlPlane.Agent.Certificates;
using Prometheus;

namespace ControlPlane.Agent.Monitoring;

/// <summary>The agent's metrics, in its own registry, served at <c>/metrics</c> on its monitoring port.</summary>
internal sealed class AgentMetrics
{
    public AgentMetrics(CollectorRegistry registry, CertificateState state, TimeProvider time)
    {
        var factory = Metrics.WithCustomRegistry(registry);
        var expiry = factory.CreateGauge("meshd_agent_cert_expiry_seconds", "Seconds until the workload certificate expires (absent before the first one)", new GaugeConfiguration { SuppressInitialValue = true });
        Renewals = factory.CreateCounter("meshd_agent_cert_renewals_total", "Certificate requests to Citadel, by result", "result");
        ProxyStreams = factory.CreateGauge("meshd_agent_xds_proxy_streams", "xDS streams the local proxy is forwarding to Pilot");
        ProxyStreamsTotal = factory.CreateCounter("meshd_agent_xds_proxy_streams_total", "xDS streams the local proxy accepted, by result", "result");
        registry.AddBeforeCollectCallback(() =>
        {
            if (state.Current is { } current)
            {
                expiry.Set(Math.Max(0, (current.NotAfter - time.GetUtcNow()).TotalSeconds));
            }
        });
    }

    public Counter Renewals { get; }

    public Gauge ProxyStreams { get; }

    public Counter ProxyStreamsTotal { get; }
}
