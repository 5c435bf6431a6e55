using ControlPlane.Shared.Config.Validation.Checks;
using ControlPlane.Shared.Config;
using Istio.Networking.V1Alpha3;

namespace ControlPlane.Shared.Config.Validation.Rules;

/// <summary>
/// WorkloadEntry: an address (IP, host name or <c>unix://</c> path; only optional with a network),
/// port names DNS-1123 labels with numbers in range (none for unix sockets), labels well formed.
/// </summary>
internal sealed class WorkloadEntryRule() : ValidationRule<WorkloadEntry>(ConfigKinds.WorkloadEntry)
{
    public const string UnixPrefix = "unix://";

    protected override void Validate(WorkloadEntry spec, ValidationContext context)
    {
        var address = spec.Address;
        if (address.Length == 0)
        {
            if (spec.Network.Length == 0)
            {
                context.Error("spec.address", "address is required");
            }
            else
            {
                context.Warning("spec.address", $"address is unset with network \"{spec.Network}\"");
            }
        }
        else if (address.StartsWith(UnixPrefix, StringComparison.Ordinal))
        {
            if (!address[UnixPrefix.Length..].StartsWith('/'))
            {
                context.Error("spec.address", $"{address[UnixPrefix.Length..]} is not an absolute path to a file");
            }

            if (spec.Ports.Count > 0)
            {
                context.Error("spec.ports", $"unix endpoint {address} must not include ports");
            }
        }
        else if (!IpAddresses.IsAddress(address) && Hosts.CheckFqdn(address) is not null)
        {
            context.Error("spec.address", $"endpoint address \"{address}\" is not a valid FQDN or an IP address");
        }

        foreach (var (name, number) in spec.Ports)
        {
            var path = FieldPaths.Key("spec.ports", name);
            context.ErrorIf(path, Ports.CheckName(name));
            context.ErrorIf(path, Ports.CheckNumber(number));
        }

        foreach (var (key, message) in Labels.Check(spec.Labels))
        {
            context.Error(FieldPaths.Key("spec.labels", key), message);
        }
    }
}
