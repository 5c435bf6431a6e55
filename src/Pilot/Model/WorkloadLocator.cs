using ControlPlane.Shared.Registry;

namespace ControlPlane.Pilot.Model;

/// <summary>
/// The workload behind an inbound listener <c>IP:PORT</c>: of the registry's workloads at that
/// address, the one that declares it listens on that port, else the only one at the address.
/// Several workloads may share an address (everything on 127.0.0.1 in a test, host-network pods):
/// then the port decides, and without a port match none is chosen rather than a neighbour.
/// </summary>
internal static class WorkloadLocator
{
    public static Workload? Find(ServiceRegistry registry, string address, int port)
    {
        var atAddress = registry.Workloads
            .Where(w => string.Equals(w.Address, address, StringComparison.OrdinalIgnoreCase))
            .OrderBy(w => w.Namespace, StringComparer.Ordinal).ThenBy(w => w.Reference, StringComparer.Ordinal)
            .ToList();
        return atAddress.FirstOrDefault(w => w.Ports.Values.Contains(port)) ?? (atAddress.Count == 1 ? atAddress[0] : null);
    }
}
