namespace ControlPlane.Galley.Analysis.Mesh;

/// <summary>
/// Something that runs and can be selected by labels: a Pod, the pod template of a Deployment
/// (StatefulSet, DaemonSet, ReplicaSet) or a WorkloadEntry.
/// </summary>
internal sealed record Workload(string Namespace, IReadOnlyDictionary<string, string> Labels, string ServiceAccount, string Reference);
