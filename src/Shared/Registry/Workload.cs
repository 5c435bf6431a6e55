namespace ControlPlane.Shared.Registry;

/// <summary>
/// Something that runs and can back a service: a WorkloadEntry, an inline ServiceEntry endpoint, a
/// Pod, or the pod template of a Deployment (StatefulSet, DaemonSet, ReplicaSet).
/// </summary>
/// <param name="Namespace">Where it runs.</param>
/// <param name="Labels">Its labels, which selectors and subsets match.</param>
/// <param name="ServiceAccount">The service account it runs as; empty when not declared.</param>
/// <param name="Address">Its IP address or host name; empty when not known (a pod template).</param>
/// <param name="Locality">Where it runs, for locality-aware load balancing.</param>
/// <param name="Weight">Its load-balancing weight, at least 1.</param>
/// <param name="Ports">Service port name to the port it listens on, overriding the service's target port.</param>
/// <param name="Reference">The declaring object as Istio names it: <c>WorkloadEntry shop/api-1</c>.</param>
public sealed record Workload(
    string Namespace,
    IReadOnlyDictionary<string, string> Labels,
    string ServiceAccount,
    string Address,
    Locality Locality,
    int Weight,
    IReadOnlyDictionary<string, int> Ports,
    string Reference)
{
    private static readonly IReadOnlyDictionary<string, int> NoPorts = new Dictionary<string, int>();

    /// <summary>A workload known only by its labels and account (a pod template, an analysis input).</summary>
    public static Workload Selectable(string ns, IReadOnlyDictionary<string, string> labels, string serviceAccount, string reference, string address = "") =>
        new(ns, labels, serviceAccount, address, Locality.Unknown, 1, NoPorts, reference);
}
