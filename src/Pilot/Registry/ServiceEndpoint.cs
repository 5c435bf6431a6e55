namespace ControlPlane.Pilot.Registry;

/// <summary>
/// One address that serves one port of a service: a workload's address and port, with what
/// routing needs to know about it (labels for subsets, locality and weight for load balancing,
/// health, and the workload identity).
/// </summary>
/// <param name="ServicePort">The service port number this endpoint serves.</param>
/// <param name="Port">The port to connect to on <paramref name="Address"/>.</param>
/// <param name="Identity">The SPIFFE id of the workload, <c>spiffe://cluster.local/ns/default/sa/reviews</c>; empty if unknown.</param>
internal sealed record ServiceEndpoint(
    string Hostname,
    int ServicePort,
    string Address,
    int Port,
    IReadOnlyDictionary<string, string> Labels,
    Locality Locality,
    int Weight,
    EndpointHealth Health,
    string Identity,
    string Source)
{
    /// <summary>Whether every label of <paramref name="selector"/> is on this endpoint with the same value.</summary>
    public bool Matches(IReadOnlyDictionary<string, string> selector) =>
        selector.All(kv => Labels.TryGetValue(kv.Key, out var value) && value == kv.Value);
}
