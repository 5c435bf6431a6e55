using Prometheus;

namespace ControlPlane.Mixer.Telemetry;

/// <summary>The four TCP metric children of one label combination, looked up once and reused.</summary>
internal sealed record TcpSeries(Counter.Child Sent, Counter.Child Received, Counter.Child Opened, Counter.Child Closed);
