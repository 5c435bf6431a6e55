using Istio.Networking.V1Alpha3;

namespace ControlPlane.Pilot.Model;

/// <summary>One DestinationRule as cluster generation reads it: its namespace and spec.</summary>
internal sealed record DestinationPolicy(string Namespace, string Name, DestinationRule Spec)
{
    public Subset? FindSubset(string name) => Spec.Subsets.FirstOrDefault(s => s.Name == name);
}
