using Prometheus;

namespace ControlPlane.Shared.Xds.Server;

/// <summary>
/// Prometheus metrics for one xDS server, named <c>{prefix}_xds_*</c>: connected streams, pushes,
/// ACKs and NACKs by type, streams cut. Registered through the host's <see cref="IMetricFactory"/>.
/// </summary>
public sealed class XdsMetricsObserver : IXdsStreamObserver
{
    private readonly Gauge _streams;
    private readonly Counter _pushes;
    private readonly Counter _acks;
    private readonly Counter _nacks;
    private readonly Counter _cut;

    /// <summary>Creates the metrics in <paramref name="metrics"/>.</summary>
    public XdsMetricsObserver(IMetricFactory metrics, string prefix)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        _streams = metrics.CreateGauge($"{prefix}_xds_streams", "xDS streams connected now.", ["protocol"]);
        _pushes = metrics.CreateCounter($"{prefix}_xds_pushes_total", "xDS responses sent, by type URL.", ["type_url"]);
        _acks = metrics.CreateCounter($"{prefix}_xds_acks_total", "xDS responses acknowledged by clients, by type URL.", ["type_url"]);
        _nacks = metrics.CreateCounter($"{prefix}_xds_nacks_total", "xDS responses rejected by clients, by type URL.", ["type_url"]);
        _cut = metrics.CreateCounter($"{prefix}_xds_streams_cut_total", "xDS streams cut because they could not keep up.");
    }

    void IXdsStreamObserver.StreamOpened(XdsStreamContext stream) => _streams.WithLabels(Label(stream.Protocol)).Inc();

    void IXdsStreamObserver.StreamClosed(XdsStreamContext stream, string? reason) => _streams.WithLabels(Label(stream.Protocol)).Dec();

    void IXdsStreamObserver.ResponseSent(XdsStreamContext stream, XdsSentResponse response) =>
        _pushes.WithLabels(response.TypeUrl).Inc();

    void IXdsStreamObserver.Acked(XdsStreamContext stream, string typeUrl, string version, string nonce) => _acks.WithLabels(typeUrl).Inc();

    void IXdsStreamObserver.Nacked(XdsStreamContext stream, string typeUrl, string version, string nonce, string errorMessage) =>
        _nacks.WithLabels(typeUrl).Inc();

    void IXdsStreamObserver.StreamCut(XdsStreamContext stream) => _cut.Inc();

    private static string Label(XdsProtocol protocol) => protocol == XdsProtocol.Delta ? "delta" : "sotw";
}
