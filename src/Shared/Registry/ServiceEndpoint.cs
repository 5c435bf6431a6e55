namespace ControlPlane.Shared.Registry;

/// <summary>
/// One address that serves one port of a service: a workload's address and port, with what
/// routing needs to know about it (labels for subsets, locality and weight for load balancing,
/// health, and the workload identity).
/// </summary>
/// <param name="Hostname">The service's host name.</param>
/// <param name="ServicePort">The service port number this endpoint serves.</param>
/// <param name="Address">The workload's IP address, or a host name the client resolves.</param>
/// <param name="Port">The port to connect to on <paramref name="Address"/>.</param>
/// <param name="Labels">The workload's labels, which subsets match.</param>
/// <param name="Locality">Where the workload runs.</param>
/// <param name="Weight">Its load-balancing weight.</param>
/// <param name="Health">Whether it should receive traffic.</param>
/// <param name="Identity">The SPIFFE id of the workload, <c>spiffe://TRUST_DOMAIN/ns/default/sa/reviews</c>; empty if unknown.</param>
/// <param name="Reference">The object that declared the address: <c>WorkloadEntry shop/api-1</c>.</param>
public sealed record ServiceEndpoint(
    string Hostname,
    int ServicePort,
    string Address,
    int Port,
    IReadOnlyDictionary<string, string> Labels,
    Locality Locality,
    int Weight,
    EndpointHealth Health,
    string Identity,
    string Reference)
{
    /// <summary>Whether every label of <paramref name="selector"/> is on this endpoint with the same value.</summary>
    public bool Matches(IReadOnlyDictionary<string, string> selector) => LabelSelector.Selects(selector, Labels);
}
