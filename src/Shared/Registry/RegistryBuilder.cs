using ControlPlane.Shared.Identity;

namespace ControlPlane.Shared.Registry;

/// <summary>
/// Collects what sources declare (services and workloads) and builds the <see cref="ServiceRegistry"/>:
/// a service with a selector gets the workloads of its namespace the selector chooses, whichever
/// source declared them, and every service gets its endpoints, one per instance and port.
/// </summary>
public sealed class RegistryBuilder(MeshIdentityOptions identity)
{
    private readonly List<MeshService> _services = [];
    private readonly List<Workload> _workloads = [];

    /// <summary>The trust and cluster domains the registry is built for.</summary>
    public MeshIdentityOptions Identity { get; } = identity;

    public RegistryBuilder Add(MeshService service)
    {
        _services.Add(service);
        return this;
    }

    public RegistryBuilder Add(Workload workload)
    {
        _workloads.Add(workload);
        return this;
    }

    public ServiceRegistry Build()
    {
        var services = _services
            .Select(s => s.Selector is { } selector
                ? s with { Instances = _workloads.Where(w => w.Namespace == s.Namespace && LabelSelector.Selects(selector, w.Labels)).ToList() }
                : s)
            .ToList();
        return new ServiceRegistry(services, _workloads, services.SelectMany(Endpoints));
    }

    private IEnumerable<ServiceEndpoint> Endpoints(MeshService service)
    {
        if (service.Resolution == ServiceResolution.None)
        {
            return [];
        }

        if (service.Resolution == ServiceResolution.Dns && service.Instances.Count == 0)
        {
            // DNS without endpoints: the host name itself is the endpoint, resolved by the client.
            return service.Ports.Select(p => new ServiceEndpoint(service.Hostname, p.Number, service.Hostname, p.TargetPort > 0 ? p.TargetPort : p.Number,
                LabelSelector.None, Locality.Unknown, 1, EndpointHealth.Healthy, string.Empty, service.Reference));
        }

        return service.Instances
            .Where(w => w.Address.Length > 0)
            .SelectMany(w => service.Ports.Select(p => Endpoint(service, p, w)));
    }

    private ServiceEndpoint Endpoint(MeshService service, ServicePort port, Workload workload)
    {
        var target = workload.Ports.TryGetValue(port.Name, out var named) ? named
            : port.TargetPort > 0 ? port.TargetPort
            : port.Number;
        return new ServiceEndpoint(
            service.Hostname,
            port.Number,
            workload.Address,
            target,
            workload.Labels,
            workload.Locality,
            workload.Weight,
            EndpointHealth.Healthy,
            IdentityOf(workload),
            workload.Reference);
    }

    private string IdentityOf(Workload workload)
    {
        if (workload.ServiceAccount.Length == 0)
        {
            return string.Empty;
        }

        try
        {
            return SpiffeId.ForServiceAccount(Identity.TrustDomain, workload.Namespace, workload.ServiceAccount).ToString();
        }
        catch (FormatException)
        {
            // A service account no SPIFFE id can carry has no identity to verify; validation reports it.
            return string.Empty;
        }
    }
}
