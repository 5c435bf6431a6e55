using ControlPlane.Shared.Registry;

namespace ControlPlane.Pilot.Model;

/// <summary>
/// Where a policy lookup stands: the namespace and labels of the workload serving an inbound
/// listener. <see cref="Unknown"/> when no workload of the registry has the listener's address, so
/// only mesh-wide policies (the root namespace's, without selector) apply.
/// </summary>
internal sealed record WorkloadIdentityRef(string? Namespace, IReadOnlyDictionary<string, string> Labels)
{
    public static WorkloadIdentityRef Unknown { get; } = new(null, LabelSelector.None);

    public static WorkloadIdentityRef Of(Workload workload) => new(workload.Namespace, workload.Labels);
}
