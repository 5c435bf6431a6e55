using ControlPlane.Shared.Config.Validation.Checks;
using ControlPlane.Shared.Config;
using Istio.Networking.V1Alpha3;

namespace ControlPlane.Shared.Config.Validation.Rules;

/// <summary>
/// Gateway server ports: present, named, with a known protocol and a number in 1..65535 (0 with
/// a <c>unix://</c> bind); no targetPort; a bind that is an IP or a unix socket path.
/// </summary>
internal sealed class GatewayServerPortRule() : ValidationRule<Gateway>(ConfigKinds.Gateway)
{
    protected override void Validate(Gateway spec, ValidationContext context)
    {
        for (var i = 0; i < spec.Servers.Count; i++)
        {
            var server = spec.Servers[i];
            var path = $"spec.servers[{i}]";
            var unixBind = server.Bind.StartsWith(WorkloadEntryRule.UnixPrefix, StringComparison.Ordinal);
            if (server.Port is not { } port)
            {
                context.Error($"{path}.port", "port is required");
            }
            else
            {
                if (!Ports.IsKnownProtocol(port.Protocol))
                {
                    context.Error($"{path}.port.protocol", $"invalid protocol \"{port.Protocol}\", supported protocols are HTTP, HTTP2, GRPC, GRPC-WEB, MONGO, REDIS, MYSQL, TCP");
                }

                if (port.Number > 0 || !unixBind)
                {
                    context.ErrorIf($"{path}.port.number", Ports.CheckNumber(port.Number));
                }

                if (unixBind && port.Number != 0)
                {
                    context.Error($"{path}.port.number", "port number must be 0 for unix domain socket");
                }

                if (port.TargetPort > 0)
                {
                    context.Error($"{path}.port.targetPort", "targetPort has no impact on Gateways");
                }

                if (port.Name.Length == 0)
                {
                    context.Error($"{path}.port.name", "port name must be set");
                }
            }

            if (server.Bind.Length > 0 && !unixBind && !IpAddresses.IsAddress(server.Bind))
            {
                context.Error($"{path}.bind", $"{server.Bind} is not a valid IP");
            }
        }
    }
}
