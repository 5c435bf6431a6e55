using ControlPlane.Shared.Config.Validation.Checks;
using ControlPlane.Shared.Config;
using Istio.Networking.V1Alpha3;

namespace ControlPlane.Shared.Config.Validation.Rules;

/// <summary>
/// ServiceEntry ports: numbers in 1..65535 and unique, names DNS-1123 labels and unique,
/// protocols known; several hosts need HTTP or TLS ports unless resolution is NONE.
/// </summary>
internal sealed class ServiceEntryPortsRule() : ValidationRule<ServiceEntry>(ConfigKinds.ServiceEntry)
{
    protected override void Validate(ServiceEntry spec, ValidationContext context)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var numbers = new HashSet<uint>();
        for (var i = 0; i < spec.Ports.Count; i++)
        {
            var port = spec.Ports[i];
            var path = $"spec.ports[{i}]";
            if (!names.Add(port.Name))
            {
                context.Error($"{path}.name", $"service entry port name \"{port.Name}\" already defined");
            }
            else
            {
                context.ErrorIf($"{path}.name", Ports.CheckName(port.Name));
            }

            if (!numbers.Add(port.Number))
            {
                context.Error($"{path}.number", $"service entry port {port.Number} already defined");
            }
            else
            {
                context.ErrorIf($"{path}.number", Ports.CheckNumber(port.Number));
            }

            context.ErrorIf($"{path}.protocol", Ports.CheckProtocol(port.Protocol));
            if (port.TargetPort != 0)
            {
                context.ErrorIf($"{path}.targetPort", Ports.CheckNumber(port.TargetPort));
            }
        }

        // Plain TCP cannot tell hosts apart (no Host header, no SNI) unless the hosts are ignored.
        if (spec.Resolution != ServiceEntry.Types.Resolution.None && spec.Hosts.Count > 1)
        {
            var index = spec.Ports.ToList().FindIndex(p => !Ports.IsHttp(p.Protocol) && !Ports.IsTls(p.Protocol));
            if (index >= 0)
            {
                context.Error($"spec.ports[{index}].protocol", "multiple hosts provided with non-HTTP, non-TLS ports");
            }
        }
    }
}
