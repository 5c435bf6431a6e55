namespace ControlPlane.Mixer.Telemetry;

/// <summary>One directed edge of the service graph, as seen by one reporter. Node ids are <c>workload:NS/NAME</c> or <c>service:HOST</c>.</summary>
internal readonly record struct GraphEdgeKey(string Reporter, string Source, string Target);
