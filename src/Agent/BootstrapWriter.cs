using System.Text.Json;
using ControlPlane.Agent.Certificates;
using ControlPlane.Agent.Hosting;
using ControlPlane.Shared.Bootstrap;
using ControlPlane.Shared.Identity;
using Microsoft.Extensions.Options;

namespace ControlPlane.Agent;

/// <summary>
/// Writes <c>grpc-bootstrap.json</c> (Istio's proxyless bootstrap) once the first certificate is on
/// disk: the xDS server is the agent's local proxy, the certificate provider reads the agent's files,
/// and the service account is the one Citadel put in the certificate.
/// </summary>
internal sealed class BootstrapWriter(IOptions<AgentOptions> options, AgentPorts ports)
{
    public const string FileName = "grpc-bootstrap.json";

    public void Write(WorkloadCertificate certificate)
    {
        var settings = options.Value;
        WorkloadLabels.TryParse(settings.Labels, out var labels, out _);
        var directory = Path.GetFullPath(settings.OutputDir);
        var bootstrap = GrpcBootstrap.Create(new BootstrapSettings(
            $"127.0.0.1:{ports.XdsProxy}", settings.PodName, settings.Namespace, settings.NodeIp, labels, CertificateFiles.In(directory))
        {
            ServiceAccount = SpiffeId.TryParse(certificate.Identity, out var id) ? id.ServiceAccount : null,
            WorkloadName = labels.FirstOrDefault(l => l.Key == "app").Value ?? settings.PodName,
        });
        CertificateFileWriter.WriteAtomically(
            Path.Combine(directory, FileName), bootstrap.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), secret: false);
    }
}
