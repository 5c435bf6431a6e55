namespace ControlPlane.Pilot.Registry;

/// <summary>
/// A service in the registry, whatever declared it (a ServiceEntry today, a Kubernetes Service later):
/// its fully qualified host name, namespace and ports.
/// </summary>
/// <param name="Source">The object that declared it, for debug output: <c>ServiceEntry default/reviews</c>.</param>
internal sealed record MeshService(
    string Hostname,
    string Namespace,
    IReadOnlyList<ServicePort> Ports,
    ServiceResolution Resolution,
    bool MeshInternal,
    string Source)
{
    public ServicePort? FindPort(int number) => Ports.FirstOrDefault(p => p.Number == number);
}
