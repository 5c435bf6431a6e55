using System.Runtime.CompilerServices;
using ControlPlane.Shared.Registry;

namespace ControlPlane.Pilot.Model;

/// <summary>
/// The workload behind an inbound listener <c>IP:PORT</c>: of the registry's workloads at that
/// address, the one that declares it listens on that port, else the only one at the address.
/// Several workloads may share an address (everything on 127.0.0.1 in a test, host-network pods):
/// then the port decides, and without a port match none is chosen rather than a neighbour.
/// </summary>
/// <remarks>
/// Auto-mTLS asks once per endpoint of every cluster on a push, so the workloads are grouped by
/// address once per registry (a registry is immutable) instead of scanned and sorted per question.
/// </remarks>
internal static class WorkloadLocator
{
    private static readonly ConditionalWeakTable<ServiceRegistry, ILookup<string, Workload>> ByAddress = new();

    public static Workload? Find(ServiceRegistry registry, string address, int port)
    {
        var atAddress = ByAddress.GetValue(registry, Group)[address];
        Workload? only = null;
        var count = 0;
        foreach (var workload in atAddress)
        {
            if (workload.Ports.Values.Contains(port))
            {
                return workload;
            }

            only = workload;
            count++;
        }

        return count == 1 ? only : null;
    }

    private static ILookup<string, Workload> Group(ServiceRegistry registry) =>
        registry.Workloads
            .OrderBy(w => w.Namespace, StringComparer.Ordinal).ThenBy(w => w.Reference, StringComparer.Ordinal)
            .ToLookup(w => w.Address, StringComparer.OrdinalIgnoreCase);
}
