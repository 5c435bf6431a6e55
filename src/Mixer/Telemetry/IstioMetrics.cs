using Microsoft.Extensions.Options;
using Prometheus;

namespace ControlPlane.Mixer.Telemetry;

/// <summary>
/// Istio's standard metrics, with Istio's names, labels and default buckets (duration in
/// milliseconds 0.5 to 10000; sizes in bytes 1 to 10^8 by powers of ten), on the host's registry.
/// </summary>
internal sealed class IstioMetrics
{
    public static readonly double[] DurationBuckets = [0.5, 1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000];

    public static readonly double[] SizeBuckets = Histogram.ExponentialBuckets(1, 10, 9);

    private readonly SeriesTable<HttpSeries> _http;
    private readonly SeriesTable<TcpSeries> _tcp;

    public IstioMetrics(IMetricFactory factory, IOptions<MixerOptions> options)
    {
        var requests = factory.CreateCounter("istio_requests_total", "Requests reported by the mesh's proxies.", IstioLabels.Http);
        var duration = factory.CreateHistogram("istio_request_duration_milliseconds", "Request duration in milliseconds.",
            IstioLabels.Http, new HistogramConfiguration { Buckets = DurationBuckets });
        var requestBytes = factory.CreateHistogram("istio_request_bytes", "Request size (headers and body) in bytes.",
            IstioLabels.Http, new HistogramConfiguration { Buckets = SizeBuckets });
        var responseBytes = factory.CreateHistogram("istio_response_bytes", "Response size (headers and body) in bytes.",
            IstioLabels.Http, new HistogramConfiguration { Buckets = SizeBuckets });
        var sent = factory.CreateCounter("istio_tcp_sent_bytes_total", "Bytes sent to the downstream in TCP connections.", IstioLabels.Tcp);
        var received = factory.CreateCounter("istio_tcp_received_bytes_total", "Bytes received from the downstream in TCP connections.", IstioLabels.Tcp);
        var opened = factory.CreateCounter("istio_tcp_connections_opened_total", "TCP connections opened.", IstioLabels.Tcp);
        var closed = factory.CreateCounter("istio_tcp_connections_closed_total", "TCP connections closed.", IstioLabels.Tcp);
        var max = options.Value.MaxSeries;
        _http = new SeriesTable<HttpSeries>(max, l => new HttpSeries(requests.WithLabels(l), duration.WithLabels(l), requestBytes.WithLabels(l), responseBytes.WithLabels(l)));
        _tcp = new SeriesTable<TcpSeries>(max, l => new TcpSeries(sent.WithLabels(l), received.WithLabels(l), opened.WithLabels(l), closed.WithLabels(l)));
    }

    public int HttpSeriesCount => _http.Count;

    public int TcpSeriesCount => _tcp.Count;

    public HttpSeries Http(string[] labels) => _http.Get(labels);

    public TcpSeries Tcp(string[] labels) => _tcp.Get(labels);
}
