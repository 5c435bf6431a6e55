using ControlPlane.Shared.Config.Validation.Checks;
using ControlPlane.Shared.Config;
using Istio.Networking.V1Alpha3;

namespace ControlPlane.Shared.Config.Validation.Rules;

/// <summary>
/// VirtualService hosts: each a host name (wildcard first label allowed, short names allowed) or
/// an IP; no bare <c>*</c> for mesh-bound services; no two overlapping hosts. A VirtualService
/// without hosts is a delegate and may carry only HTTP routes.
/// </summary>
internal sealed class VirtualServiceHostsRule() : ValidationRule<VirtualService>(ConfigKinds.VirtualService)
{
    protected override void Validate(VirtualService spec, ValidationContext context)
    {
        if (spec.Hosts.Count == 0)
        {
            if (spec.Gateways.Count > 0)
            {
                context.Error("spec.gateways", "delegate virtual service must have no gateways specified");
            }

            if (spec.Tls.Count > 0)
            {
                context.Error("spec.tls", "delegate virtual service must have no tls route specified");
            }

            if (spec.Tcp.Count > 0)
            {
                context.Error("spec.tcp", "delegate virtual service must have no tcp route specified");
            }
        }

        var appliesToMesh = spec.Gateways.All(g => g == "mesh");
        var allValid = true;
        for (var i = 0; i < spec.Hosts.Count; i++)
        {
            var host = spec.Hosts[i];
            if (Hosts.CheckWildcardDomain(host) is { } error)
            {
                if (!IpAddresses.IsAddress(host))
                {
                    context.Error($"spec.hosts[{i}]", error);
                    allValid = false;
                }
            }
            else if (appliesToMesh && host == "*")
            {
                context.Error($"spec.hosts[{i}]", "wildcard host * is not allowed for virtual services bound to the mesh gateway");
                allValid = false;
            }
        }

        if (!allValid)
        {
            return;
        }

        for (var i = 0; i < spec.Hosts.Count; i++)
        {
            for (var j = i + 1; j < spec.Hosts.Count; j++)
            {
                if (HostNames.Overlap(spec.Hosts[i], spec.Hosts[j]))
                {
                    context.Error($"spec.hosts[{j}]", $"duplicate hosts in virtual service: {spec.Hosts[i]} & {spec.Hosts[j]}");
                }
            }
        }
    }
}
