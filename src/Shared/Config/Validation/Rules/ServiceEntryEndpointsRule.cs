using ControlPlane.Shared.Config.Validation.Checks;
using ControlPlane.Shared.Config;
using Istio.Networking.V1Alpha3;
using Resolution = Istio.Networking.V1Alpha3.ServiceEntry.Types.Resolution;

namespace ControlPlane.Shared.Config.Validation.Rules;

/// <summary>
/// ServiceEntry endpoints: addresses are IPs (or <c>unix://</c> paths) for STATIC, IPs or host
/// names for DNS; endpoint ports name ports of the entry and are in range; labels well formed.
/// </summary>
internal sealed class ServiceEntryEndpointsRule() : ValidationRule<ServiceEntry>(ConfigKinds.ServiceEntry)
{
    protected override void Validate(ServiceEntry spec, ValidationContext context)
    {
        if (spec.Resolution is not (Resolution.Static or Resolution.Dns or Resolution.DnsRoundRobin))
        {
            return;
        }

        var portNames = spec.Ports.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < spec.Endpoints.Count; i++)
        {
            var endpoint = spec.Endpoints[i];
            var path = $"spec.endpoints[{i}]";
            var address = endpoint.Address;
            if (address.StartsWith(WorkloadEntryRule.UnixPrefix, StringComparison.Ordinal))
            {
                if (spec.Resolution != Resolution.Static)
                {
                    context.Error($"{path}.address", $"unix endpoint {address} is only allowed for resolution type STATIC");
                }
            }
            else if (spec.Resolution == Resolution.Static && !IpAddresses.IsAddress(address))
            {
                context.Error($"{path}.address", $"endpoint address \"{address}\" is not a valid IP address");
            }
            else if (!IpAddresses.IsAddress(address) && Hosts.CheckFqdn(address) is not null)
            {
                context.Error($"{path}.address", $"endpoint address \"{address}\" is not a valid FQDN or an IP address");
            }

            foreach (var (name, number) in endpoint.Ports)
            {
                var portPath = FieldPaths.Key($"{path}.ports", name);
                if (!portNames.Contains(name))
                {
                    context.Error(portPath, $"endpoint port {number} is not defined by the service entry");
                }

                context.ErrorIf(portPath, Ports.CheckNumber(number));
            }

            foreach (var (key, message) in Labels.Check(endpoint.Labels))
            {
                context.Error(FieldPaths.Key($"{path}.labels", key), message);
            }
        }
    }
}
