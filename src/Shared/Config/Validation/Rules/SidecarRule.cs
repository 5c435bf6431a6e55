using ControlPlane.Shared.Config;
using Istio.Networking.V1Alpha3;

namespace ControlPlane.Shared.Config.Validation.Rules;

/// <summary>
/// A Sidecar as a whole: not empty; an egress proxy only with ALLOW_ANY outbound traffic;
/// inbound connection pools well formed.
/// </summary>
internal sealed class SidecarRule() : ValidationRule<Sidecar>(ConfigKinds.Sidecar)
{
    protected override void Validate(Sidecar spec, ValidationContext context)
    {
        if (spec.Egress.Count == 0 && spec.Ingress.Count == 0 && spec.OutboundTrafficPolicy is null && spec.InboundConnectionPool is null)
        {
            context.Error("spec", "sidecar: empty configuration provided");
        }

        if (spec.OutboundTrafficPolicy is { EgressProxy: { } proxy } policy)
        {
            if (policy.Mode != OutboundTrafficPolicy.Types.Mode.AllowAny)
            {
                context.Error("spec.outboundTrafficPolicy.egressProxy", "sidecar: egress_proxy must be set only with ALLOW_ANY outbound_traffic_policy mode");
            }

            if (proxy.Port is null)
            {
                context.Error("spec.outboundTrafficPolicy.egressProxy.port", "sidecar: egress_proxy port must be non-nil");
            }

            VirtualServiceDestinationsRule.Check("spec.outboundTrafficPolicy.egressProxy", proxy, context);
        }

        if (spec.InboundConnectionPool is { } pool)
        {
            ConnectionPools.Check("spec.inboundConnectionPool", pool, context);
        }
    }
}
