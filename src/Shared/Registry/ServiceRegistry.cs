using System.Collections.Frozen;

namespace ControlPlane.Shared.Registry;

/// <summary>
/// The immutable set of services, workloads and endpoints at one moment, built whole by a
/// <see cref="RegistryBuilder"/> from its sources and replaced whole. Lookups are by host name.
/// </summary>
public sealed class ServiceRegistry
{
    private readonly FrozenDictionary<string, MeshService> _first;
    private readonly ILookup<string, MeshService> _byHost;
    private readonly MeshService[] _wildcards;
    private readonly FrozenDictionary<string, IReadOnlyList<ServiceEndpoint>> _endpoints;

    public ServiceRegistry(IEnumerable<MeshService> services, IEnumerable<Workload> workloads, IEnumerable<ServiceEndpoint> endpoints)
    {
        Declared = services.ToList();
        Workloads = workloads.ToList();
        _first = Declared
            .GroupBy(s => s.Hostname, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _byHost = Declared.ToLookup(s => s.Hostname, StringComparer.OrdinalIgnoreCase);
        _wildcards = Declared.Where(s => s.Hostname.StartsWith('*')).ToArray();
        _endpoints = endpoints
            .Where(e => _first.ContainsKey(e.Hostname))
            .GroupBy(e => e.Hostname, StringComparer.Ordinal)
            .ToFrozenDictionary(
                g => g.Key,
                g => (IReadOnlyList<ServiceEndpoint>)g.OrderBy(e => e.ServicePort).ThenBy(e => e.Address, StringComparer.Ordinal).ThenBy(e => e.Port).ToList(),
                StringComparer.Ordinal);
        Services = _first.Values.OrderBy(s => s.Hostname, StringComparer.Ordinal).ToList();
    }

    public static ServiceRegistry Empty { get; } = new([], [], []);

    /// <summary>One service per host name (the first declared), ordered by host name: what is served.</summary>
    public IReadOnlyList<MeshService> Services { get; }

    /// <summary>Every declared service in declaration order, several per host when several objects declare it.</summary>
    public IReadOnlyList<MeshService> Declared { get; }

    /// <summary>Every workload the sources know, whether or not a service selects it.</summary>
    public IReadOnlyList<Workload> Workloads { get; }

    /// <summary>Whether the sources said anything about workloads; without them selection cannot be judged.</summary>
    public bool HasWorkloads => Workloads.Count > 0;

    /// <summary>The service served for exactly this host name.</summary>
    public MeshService? FindService(string hostname) => _first.GetValueOrDefault(hostname);

    /// <summary>
    /// The service a host written by an object in <paramref name="ns"/> with <paramref name="exportTo"/>
    /// names, as Istio resolves it: a short name is qualified in <paramref name="ns"/>; services
    /// exported to all namespaces first, then those exported to the referrer's scopes
    /// (<see cref="ExportTo.ReferrerScopes"/>), then visible ServiceEntry wildcards covering the host.
    /// </summary>
    public MeshService? FindVisible(string ns, IEnumerable<string> exportTo, string host, string clusterDomain = Identity.MeshIdentityOptions.DefaultClusterDomain)
    {
        var fqdn = Fqdn.Qualify(host, ns, clusterDomain);
        var scopes = ExportTo.ReferrerScopes(exportTo, ns);
        bool Visible(MeshService s) => s.ExportTo.Contains(ExportTo.All) || scopes.Any(s.ExportTo.Contains);

        var exact = _byHost[fqdn];
        return exact.FirstOrDefault(s => s.ExportTo.Contains(ExportTo.All))
            ?? exact.FirstOrDefault(Visible)
            ?? _wildcards.FirstOrDefault(s => Visible(s) && Fqdn.Covers(s.Hostname, fqdn));
    }

    /// <summary>Workloads in <paramref name="ns"/> (every namespace when null) that <paramref name="selector"/> selects.</summary>
    public IEnumerable<Workload> Select(IEnumerable<KeyValuePair<string, string>> selector, string? ns) =>
        Workloads.Where(w => (ns is null || w.Namespace == ns) && LabelSelector.Selects(selector, w.Labels));

    /// <summary>Every endpoint of a service, all ports.</summary>
    public IReadOnlyList<ServiceEndpoint> Endpoints(string hostname) =>
        _endpoints.TryGetValue(hostname, out var found) ? found : [];

    /// <summary>The endpoints serving one port of a service.</summary>
    public IEnumerable<ServiceEndpoint> Endpoints(string hostname, int servicePort) =>
        Endpoints(hostname).Where(e => e.ServicePort == servicePort);
}
