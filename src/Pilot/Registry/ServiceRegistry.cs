using System.Collections.Frozen;

namespace ControlPlane.Pilot.Registry;

/// <summary>
/// The immutable set of services and their endpoints at one moment. Built whole from its sources
/// and replaced whole; lookups are by fully qualified host name.
/// </summary>
internal sealed class ServiceRegistry
{
    private readonly FrozenDictionary<string, MeshService> _services;
    private readonly FrozenDictionary<string, IReadOnlyList<ServiceEndpoint>> _endpoints;

    public ServiceRegistry(IEnumerable<MeshService> services, IEnumerable<ServiceEndpoint> endpoints)
    {
        _services = services
            .GroupBy(s => s.Hostname, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _endpoints = endpoints
            .Where(e => _services.ContainsKey(e.Hostname))
            .GroupBy(e => e.Hostname, StringComparer.Ordinal)
            .ToFrozenDictionary(
                g => g.Key,
                g => (IReadOnlyList<ServiceEndpoint>)g.OrderBy(e => e.ServicePort).ThenBy(e => e.Address, StringComparer.Ordinal).ThenBy(e => e.Port).ToList(),
                StringComparer.Ordinal);
        Services = _services.Values.OrderBy(s => s.Hostname, StringComparer.Ordinal).ToList();
    }

    public static ServiceRegistry Empty { get; } = new([], []);

    /// <summary>Every service, ordered by host name.</summary>
    public IReadOnlyList<MeshService> Services { get; }

    public MeshService? FindService(string hostname) => _services.GetValueOrDefault(hostname);

    /// <summary>Every endpoint of a service, all ports.</summary>
    public IReadOnlyList<ServiceEndpoint> Endpoints(string hostname) =>
        _endpoints.TryGetValue(hostname, out var found) ? found : [];

    /// <summary>The endpoints serving one port of a service.</summary>
    public IEnumerable<ServiceEndpoint> Endpoints(string hostname, int servicePort) =>
        Endpoints(hostname).Where(e => e.ServicePort == servicePort);
}
