using Prometheus;

namespace ControlPlane.Mixer.Telemetry;

/// <summary>The four HTTP metric children of one label combination, looked up once and reused.</summary>
internal sealed record HttpSeries(Counter.Child Requests, Histogram.Child Duration, Histogram.Child RequestBytes, Histogram.Child ResponseBytes);
