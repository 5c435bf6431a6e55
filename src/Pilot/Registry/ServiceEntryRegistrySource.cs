using ControlPlane.Shared.Config;
using Istio.Networking.V1Alpha3;

namespace ControlPlane.Pilot.Registry;

/// <summary>
/// Builds the registry from ServiceEntry and WorkloadEntry config: a ServiceEntry declares the
/// service (one per host) and either lists its endpoints inline or selects WorkloadEntries of its
/// namespace by label (<c>workloadSelector</c>).
/// See https://istio.io/latest/docs/reference/config/networking/service-entry/
/// </summary>
internal static class ServiceEntryRegistrySource
{
    private const string TrustDomain = "cluster.local";

    public static ServiceRegistry Build(ConfigSnapshot config)
    {
        var services = new List<MeshService>();
        var endpoints = new List<ServiceEndpoint>();
        var workloads = config.OfKind(ConfigKinds.WorkloadEntry.Kind).ToList();
        foreach (var entry in config.OfKind(ConfigKinds.ServiceEntry.Kind).OrderBy(o => o.Meta.Namespace, StringComparer.Ordinal).ThenBy(o => o.Meta.Name, StringComparer.Ordinal))
        {
            var spec = entry.SpecAs<ServiceEntry>();
            var ports = spec.Ports.Select(p => new ServicePort(p.Name, (int)p.Number, p.Protocol.ToUpperInvariant(), (int)p.TargetPort)).ToList();
            var resolution = spec.Resolution switch
            {
                ServiceEntry.Types.Resolution.Static => ServiceResolution.Static,
                ServiceEntry.Types.Resolution.None => ServiceResolution.None,
                _ => ServiceResolution.Dns,
            };
            var members = spec.WorkloadSelector is { } selector
                ? workloads.Where(w => w.Meta.Namespace == entry.Meta.Namespace && Selects(selector.Labels, w.SpecAs<WorkloadEntry>().Labels))
                    .OrderBy(w => w.Meta.Name, StringComparer.Ordinal)
                    .Select(w => (Workload: w.SpecAs<WorkloadEntry>(), Source: w.Reference))
                    .ToList()
                : spec.Endpoints.Select(e => (Workload: e, Source: entry.Reference)).ToList();

            foreach (var host in spec.Hosts)
            {
                var hostname = Qualify(host, entry.Meta.Namespace);
                services.Add(new MeshService(hostname, entry.Meta.Namespace, ports, resolution, spec.Location == ServiceEntry.Types.Location.MeshInternal, entry.Reference));
                if (resolution == ServiceResolution.None)
                {
                    continue;
                }

                if (resolution == ServiceResolution.Dns && members.Count == 0)
                {
                    // DNS without endpoints: the host name itself is the endpoint, resolved by the client.
                    endpoints.AddRange(ports.Select(p => new ServiceEndpoint(hostname, p.Number, host, p.TargetPort > 0 ? p.TargetPort : p.Number,
                        new Dictionary<string, string>(), Locality.Unknown, 1, EndpointHealth.Healthy, string.Empty, entry.Reference)));
                    continue;
                }

                foreach (var (workload, source) in members)
                {
                    endpoints.AddRange(ports.Select(p => ToEndpoint(hostname, p, workload, entry.Meta.Namespace, source)));
                }
            }
        }

        return new ServiceRegistry(services, endpoints);
    }

    /// <summary>A short name in a namespace becomes its cluster-local FQDN, as Istio resolves it.</summary>
    public static string Qualify(string host, string ns) =>
        host.Contains('.', StringComparison.Ordinal) || host.StartsWith('*') ? host : $"{host}.{ns}.svc.{TrustDomain}";

    private static bool Selects(IDictionary<string, string> selector, IDictionary<string, string> labels) =>
        selector.All(kv => labels.TryGetValue(kv.Key, out var value) && value == kv.Value);

    private static ServiceEndpoint ToEndpoint(string hostname, ServicePort port, WorkloadEntry workload, string ns, string source)
    {
        var target = workload.Ports.TryGetValue(port.Name, out var named) ? (int)named
            : port.TargetPort > 0 ? port.TargetPort
            : port.Number;
        var identity = string.IsNullOrEmpty(workload.ServiceAccount) ? string.Empty : $"spiffe://{TrustDomain}/ns/{ns}/sa/{workload.ServiceAccount}";
        return new ServiceEndpoint(
            hostname,
            port.Number,
            workload.Address,
            target,
            new Dictionary<string, string>(workload.Labels),
            Locality.Parse(workload.Locality),
            workload.Weight == 0 ? 1 : (int)workload.Weight,
            EndpointHealth.Healthy,
            identity,
            source);
    }
}
