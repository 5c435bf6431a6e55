using ControlPlane.Shared.Config.Validation.Checks;
using ControlPlane.Shared.Config;
using Istio.Networking.V1Alpha3;

namespace ControlPlane.Shared.Config.Validation.Rules;

/// <summary>
/// The structure of each traffic policy: not empty; tunnel and proxyProtocol not together; a
/// tunnel with a CONNECT/POST protocol, a host and a port; port-level settings with a valid port
/// and at least one setting.
/// </summary>
internal sealed class DestinationRuleTrafficPolicyRule() : ValidationRule<DestinationRule>(ConfigKinds.DestinationRule)
{
    protected override void Validate(DestinationRule spec, ValidationContext context)
    {
        foreach (var (path, policy) in PolicySettings.TrafficPolicies(spec))
        {
            if (policy.LoadBalancer is null && policy.ConnectionPool is null && policy.OutlierDetection is null && policy.Tls is null
                && policy.PortLevelSettings.Count == 0 && policy.Tunnel is null && policy.ProxyProtocol is null && policy.RetryBudget is null)
            {
                context.Error(path, "traffic policy must have at least one field");
            }

            if (policy.Tunnel is not null && policy.ProxyProtocol is not null)
            {
                context.Error(path, "tunnel and proxyProtocol must not be set together");
            }

            if (policy.Tunnel is { } tunnel)
            {
                CheckTunnel($"{path}.tunnel", tunnel, context);
            }

            for (var i = 0; i < policy.PortLevelSettings.Count; i++)
            {
                var port = policy.PortLevelSettings[i];
                var portPath = $"{path}.portLevelSettings[{i}]";
                if (port.Port is null)
                {
                    context.Error($"{portPath}.port", "portTrafficPolicy must have valid port");
                }
                else
                {
                    context.ErrorIf($"{portPath}.port.number", Ports.CheckNumber(port.Port.Number));
                }

                if (port.LoadBalancer is null && port.ConnectionPool is null && port.OutlierDetection is null && port.Tls is null)
                {
                    context.Error(portPath, "port traffic policy must have at least one field");
                }
            }
        }
    }

    private static void CheckTunnel(string path, TrafficPolicy.Types.TunnelSettings tunnel, ValidationContext context)
    {
        if (tunnel.Protocol.Length > 0 && tunnel.Protocol is not ("CONNECT" or "POST"))
        {
            context.Error($"{path}.protocol", "tunnel protocol must be \"CONNECT\" or \"POST\"");
        }

        if (Hosts.CheckFqdn(tunnel.TargetHost) is { } error && !IpAddresses.IsAddress(tunnel.TargetHost))
        {
            context.Error($"{path}.targetHost", $"tunnel target host must be valid FQDN or IP address: {error}");
        }

        context.ErrorIf($"{path}.targetPort", Ports.CheckNumber(tunnel.TargetPort));
    }
}
