namespace ControlPlane.Mixer.Telemetry;

/// <summary>The workload a reporting proxy runs beside: name, namespace and its version label.</summary>
internal sealed record WorkloadIdentity(string Workload, string Namespace, string Version)
{
    public const string Unknown = "unknown";

    public static WorkloadIdentity None { get; } = new(Unknown, Unknown, Unknown);
}
