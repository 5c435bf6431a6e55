using ControlPlane.Shared.Config.Validation.Checks;
using ControlPlane.Shared.Config;
using Istio.Networking.V1Alpha3;

namespace ControlPlane.Shared.Config.Validation.Rules;

/// <summary>ServiceEntry addresses: IPs or CIDR blocks; CIDR blocks only with NONE or STATIC resolution.</summary>
internal sealed class ServiceEntryAddressesRule() : ValidationRule<ServiceEntry>(ConfigKinds.ServiceEntry)
{
    protected override void Validate(ServiceEntry spec, ValidationContext context)
    {
        var cidrFound = false;
        for (var i = 0; i < spec.Addresses.Count; i++)
        {
            cidrFound |= spec.Addresses[i].Contains('/', StringComparison.Ordinal);
            context.ErrorIf($"spec.addresses[{i}]", IpAddresses.CheckAddressOrCidr(spec.Addresses[i]));
        }

        if (cidrFound && spec.Resolution is not (ServiceEntry.Types.Resolution.None or ServiceEntry.Types.Resolution.Static))
        {
            context.Error("spec.addresses", "CIDR addresses are allowed only for NONE/STATIC resolution types");
        }
    }
}
