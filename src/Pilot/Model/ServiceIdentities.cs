using ControlPlane.Shared.Registry;

namespace ControlPlane.Pilot.Model;

/// <summary>The SPIFFE ids of the workloads behind a service: what a client's SAN matcher accepts for it.</summary>
internal static class ServiceIdentities
{
    public static IEnumerable<string> Of(ServiceRegistry registry, string hostname) =>
        registry.Endpoints(hostname).Select(e => e.Identity).Where(i => i.Length > 0).Distinct(StringComparer.Ordinal);
}
