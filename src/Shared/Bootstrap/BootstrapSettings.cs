namespace ControlPlane.Shared.Bootstrap;

/// <summary>What goes in a workload's gRPC xDS bootstrap (<c>meshctl bootstrap</c> and the agent).</summary>
/// <param name="XdsAddress">The xDS server the workload talks to in plaintext, <c>HOST:PORT</c> (Pilot, or the agent's local proxy).</param>
/// <param name="PodName">The workload's pod (or instance) name.</param>
/// <param name="Namespace">The workload's namespace.</param>
/// <param name="Ip">The workload's IP address.</param>
/// <param name="Labels">The workload's labels, in the order given.</param>
/// <param name="Certificates">Files for the <c>default</c> file-watcher certificate provider, or null for none.</param>
public sealed record BootstrapSettings(
    string XdsAddress,
    string PodName,
    string Namespace,
    string Ip,
    IReadOnlyList<KeyValuePair<string, string>> Labels,
    CertificateFiles? Certificates)
{
    /// <summary>The workload's service account (<c>SERVICE_ACCOUNT</c> metadata), if known.</summary>
    public string? ServiceAccount { get; init; }

    /// <summary>The workload's name (<c>WORKLOAD_NAME</c> metadata), if known.</summary>
    public string? WorkloadName { get; init; }
}
