using ControlPlane.Shared.Config;
using ControlPlane.Shared.Identity;
using Istio.Networking.V1Alpha3;

namespace ControlPlane.Shared.Registry;

/// <summary>
/// Feeds the registry from ServiceEntry and WorkloadEntry config: a ServiceEntry declares one
/// service per host and either lists its endpoints inline or selects workloads of its namespace
/// by label (<c>workloadSelector</c>); every WorkloadEntry is a workload.
/// See https://istio.io/latest/docs/reference/config/networking/service-entry/
/// </summary>
public static class ServiceEntrySource
{
    /// <summary>The registry of a config snapshot's ServiceEntries and WorkloadEntries alone.</summary>
    public static ServiceRegistry Build(ConfigSnapshot config, MeshIdentityOptions identity) =>
        AddTo(new RegistryBuilder(identity), config.Objects).Build();

    /// <summary>Adds the ServiceEntries and WorkloadEntries among <paramref name="objects"/>, in namespace and name order.</summary>
    public static RegistryBuilder AddTo(RegistryBuilder builder, IEnumerable<ConfigObject> objects)
    {
        var ordered = objects
            .Where(o => o.Kind == ConfigKinds.ServiceEntry || o.Kind == ConfigKinds.WorkloadEntry)
            .OrderBy(o => o.Meta.Namespace, StringComparer.Ordinal)
            .ThenBy(o => o.Meta.Name, StringComparer.Ordinal)
            .ToList();
        foreach (var o in ordered.Where(o => o.Kind == ConfigKinds.WorkloadEntry))
        {
            builder.Add(ToWorkload(o.SpecAs<WorkloadEntry>(), o.Meta.Namespace, o.Reference));
        }

        foreach (var o in ordered.Where(o => o.Kind == ConfigKinds.ServiceEntry))
        {
            foreach (var service in ToServices(o, builder.Identity.ClusterDomain))
            {
                builder.Add(service);
            }
        }

        return builder;
    }

    private static IEnumerable<MeshService> ToServices(ConfigObject o, string clusterDomain)
    {
        var spec = o.SpecAs<ServiceEntry>();
        var ns = o.Meta.Namespace;
        var ports = spec.Ports.Select(p => new ServicePort(p.Name, (int)p.Number, p.Protocol.ToUpperInvariant(), (int)p.TargetPort)).ToList();
        var resolution = spec.Resolution switch
        {
            ServiceEntry.Types.Resolution.Static => ServiceResolution.Static,
            ServiceEntry.Types.Resolution.None => ServiceResolution.None,
            _ => ServiceResolution.Dns,
        };
        var inline = spec.WorkloadSelector is null
            ? spec.Endpoints.Select(e => ToWorkload(e, ns, o.Reference)).ToList()
            : [];
        var exportTo = ExportTo.Resolve(spec.ExportTo, ns);
        return spec.Hosts.Select(host => new MeshService
        {
            Hostname = Fqdn.Qualify(host, ns, clusterDomain),
            Namespace = ns,
            Ports = ports,
            Resolution = resolution,
            MeshInternal = spec.Location == ServiceEntry.Types.Location.MeshInternal,
            ExportTo = exportTo,
            Selector = spec.WorkloadSelector?.Labels.ToDictionary(StringComparer.Ordinal),
            Instances = inline,
            Origin = ServiceOrigin.ServiceEntry,
            Reference = o.Reference,
        });
    }

    private static Workload ToWorkload(WorkloadEntry entry, string ns, string reference) => new(
        ns,
        entry.Labels.ToDictionary(StringComparer.Ordinal),
        entry.ServiceAccount,
        entry.Address,
        Locality.Parse(entry.Locality),
        entry.Weight == 0 ? 1 : (int)entry.Weight,
        entry.Ports.ToDictionary(p => p.Key, p => (int)p.Value, StringComparer.Ordinal),
        reference);
}
