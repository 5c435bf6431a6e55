using Istio.Security.V1Beta1;

namespace ControlPlane.Pilot.Model;

/// <summary>One AuthorizationPolicy that applies to a workload: where it is declared and its spec, as loaded (Shared's parsed model).</summary>
internal sealed record AuthorizationPolicyEntry(string Namespace, string Name, AuthorizationPolicy Spec);
