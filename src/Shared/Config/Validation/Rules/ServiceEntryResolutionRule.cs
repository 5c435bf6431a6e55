using ControlPlane.Shared.Config.Validation.Checks;
using ControlPlane.Shared.Config;
using Istio.Networking.V1Alpha3;
using Resolution = Istio.Networking.V1Alpha3.ServiceEntry.Types.Resolution;

namespace ControlPlane.Shared.Config.Validation.Rules;

/// <summary>
/// Resolution consistent with how endpoints are given: endpoints and a workloadSelector are
/// exclusive; NONE takes no endpoints; STATIC needs endpoints or a workloadSelector; DNS without
/// endpoints needs resolvable (non-wildcard) hosts; DNS_ROUND_ROBIN at most one endpoint;
/// DYNAMIC_DNS wildcard hosts and no addresses or endpoints.
/// </summary>
internal sealed class ServiceEntryResolutionRule() : ValidationRule<ServiceEntry>(ConfigKinds.ServiceEntry)
{
    protected override void Validate(ServiceEntry spec, ValidationContext context)
    {
        if (spec.WorkloadSelector is not null && spec.Endpoints.Count > 0)
        {
            context.Error("spec.workloadSelector", "only one of WorkloadSelector or Endpoints is allowed in Service Entry");
        }

        switch (spec.Resolution)
        {
            case Resolution.None:
                if (spec.Endpoints.Count > 0)
                {
                    context.Error("spec.endpoints", "no endpoints should be provided for resolution type none");
                }

                if (spec.WorkloadSelector is not null)
                {
                    context.Warning("spec.workloadSelector", "workloadSelector should not be set when resolution mode is NONE");
                }

                break;
            case Resolution.Static:
                if (spec.Endpoints.Count == 0 && spec.WorkloadSelector is null)
                {
                    context.Error("spec.resolution", "endpoints or a workloadSelector must be provided for resolution type STATIC");
                }

                break;
            case Resolution.Dns or Resolution.DnsRoundRobin:
                if (spec.Endpoints.Count == 0)
                {
                    var index = spec.Hosts.ToList().FindIndex(h => Hosts.CheckFqdn(h) is not null);
                    if (index >= 0)
                    {
                        context.Error($"spec.hosts[{index}]", $"hosts must be FQDN if no endpoints are provided for resolution mode {Name(spec.Resolution)}: {Hosts.CheckFqdn(spec.Hosts[index])}");
                    }
                }

                if (spec.Resolution == Resolution.DnsRoundRobin && spec.Endpoints.Count > 1)
                {
                    context.Error("spec.endpoints", $"there must only be 0 or 1 endpoint for resolution mode {Name(spec.Resolution)}");
                }

                break;
            case Resolution.DynamicDns:
                for (var i = 0; i < spec.Hosts.Count; i++)
                {
                    if (!Hosts.IsWildcarded(spec.Hosts[i]))
                    {
                        context.Error($"spec.hosts[{i}]", "host must be wildcarded for resolution mode DYNAMIC_DNS");
                    }
                }

                if (spec.Addresses.Count > 0)
                {
                    context.Error("spec.addresses", "addresses cannot be set for resolution type DYNAMIC_DNS");
                }

                if (spec.Endpoints.Count > 0)
                {
                    context.Error("spec.endpoints", "endpoints cannot be set for resolution type DYNAMIC_DNS");
                }

                break;
            default:
                context.Error("spec.resolution", $"unsupported resolution type {Name(spec.Resolution)}");
                break;
        }
    }

    private static string Name(Resolution resolution) => ProtoEnums.Name(resolution);
}
