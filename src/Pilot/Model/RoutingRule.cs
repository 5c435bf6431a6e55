using Istio.Networking.V1Alpha3;

namespace ControlPlane.Pilot.Model;

/// <summary>One VirtualService as routing reads it: where it lives (to qualify short destination hosts) and its spec.</summary>
internal sealed record RoutingRule(string Namespace, string Name, VirtualService Spec);
