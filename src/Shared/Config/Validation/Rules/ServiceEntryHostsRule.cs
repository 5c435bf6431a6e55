using ControlPlane.Shared.Config.Validation.Checks;
using ControlPlane.Shared.Config;
using Istio.Networking.V1Alpha3;

namespace ControlPlane.Shared.Config.Validation.Rules;

/// <summary>ServiceEntry hosts: at least one; no bare <c>*</c>; names with at most a wildcard first label; partial wildcards warned.</summary>
internal sealed class ServiceEntryHostsRule() : ValidationRule<ServiceEntry>(ConfigKinds.ServiceEntry)
{
    protected override void Validate(ServiceEntry spec, ValidationContext context)
    {
        if (spec.Hosts.Count == 0)
        {
            context.Error("spec.hosts", "service entry must have at least one host");
        }

        for (var i = 0; i < spec.Hosts.Count; i++)
        {
            var host = spec.Hosts[i];
            if (host == "*")
            {
                context.Error($"spec.hosts[{i}]", $"invalid host {host}");
                continue;
            }

            context.ErrorIf($"spec.hosts[{i}]", Hosts.CheckWildcardDomain(host));
            if (spec.Resolution != ServiceEntry.Types.Resolution.DynamicDns && Hosts.CheckPartialWildcard(host) is { } partial)
            {
                context.Warning($"spec.hosts[{i}]", partial);
            }
        }
    }
}
