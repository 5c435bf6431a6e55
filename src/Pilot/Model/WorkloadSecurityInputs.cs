using System.Globalization;
using System.Text;
using ControlPlane.Shared.Registry;

namespace ControlPlane.Pilot.Model;

/// <summary>
/// What of the registry's workloads the TLS and RBAC settings read, as one comparable text, so a
/// WorkloadEntry change rebuilds clusters and listeners only when it moves that and stays an EDS
/// push otherwise: the service accounts behind each service (SAN matchers), the workloads marked
/// as running the agent (auto-mTLS), and, once any PeerAuthentication or AuthorizationPolicy
/// exists, every workload's address, ports, namespace and labels (which policies select it).
/// </summary>
internal static class WorkloadSecurityInputs
{
    /// <summary>The pseudo config kind generators name in <c>DependsOn</c> for these inputs.</summary>
    public const string Kind = "mesh/WorkloadSecurity";

    public static string Digest(ServiceRegistry registry, bool policiesExist)
    {
        var text = new StringBuilder();
        foreach (var service in registry.Services)
        {
            var identities = ServiceIdentities.Of(registry, service.Hostname).Order(StringComparer.Ordinal);
            text.Append(service.Hostname).Append('=').AppendJoin(',', identities).Append('\n');
        }

        var workloads = registry.Workloads.Where(w => policiesExist || w.Labels.ContainsKey(AutoMtls.TlsModeLabel))
            .Select(w => string.Create(CultureInfo.InvariantCulture, $"{w.Namespace}|{w.Address}|{LabelSelector.Format(w.Labels)}|{string.Join(',', w.Ports.Values.Order())}"))
            .Order(StringComparer.Ordinal);
        text.AppendJoin('\n', workloads);
        return text.ToString();
    }
}
