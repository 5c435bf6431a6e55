namespace ControlPlane.Meshctl.Commands;

/// <summary>What <c>meshctl bootstrap</c> puts in a workload's gRPC xDS bootstrap.</summary>
/// <param name="XdsAddress">Pilot's plaintext xDS address, <c>HOST:PORT</c>.</param>
/// <param name="PodName">The workload's pod (or instance) name.</param>
/// <param name="Namespace">The workload's namespace.</param>
/// <param name="Ip">The workload's IP address.</param>
/// <param name="Labels">The workload's labels, in the order given.</param>
/// <param name="Certificates">Files for the <c>default</c> file-watcher certificate provider, or null for none.</param>
internal sealed record BootstrapSettings(
    string XdsAddress,
    string PodName,
    string Namespace,
    string Ip,
    IReadOnlyList<KeyValuePair<string, string>> Labels,
    CertificateFiles? Certificates);
