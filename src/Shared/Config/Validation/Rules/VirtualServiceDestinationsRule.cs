using ControlPlane.Shared.Config.Validation.Checks;
using ControlPlane.Shared.Config;
using Istio.Networking.V1Alpha3;

namespace ControlPlane.Shared.Config.Validation.Rules;

/// <summary>
/// Every destination (routes, mirror, mirrors): present, a host that is a name and not <c>*</c>,
/// a subset that is a DNS-1123 label, a port in 1..65535.
/// </summary>
internal sealed class VirtualServiceDestinationsRule() : ValidationRule<VirtualService>(ConfigKinds.VirtualService)
{
    protected override void Validate(VirtualService spec, ValidationContext context)
    {
        foreach (var list in RouteDestinationList.Of(spec))
        {
            for (var j = 0; j < list.Entries.Count; j++)
            {
                var path = $"{list.Path}[{j}].destination";
                if (list.Entries[j].Destination is { } destination)
                {
                    Check(path, destination, context);
                }
                else
                {
                    context.Error(path, "destination is required");
                }
            }
        }

        for (var i = 0; i < spec.Http.Count; i++)
        {
            var http = spec.Http[i];
            if (http.Mirror is not null)
            {
                Check($"spec.http[{i}].mirror", http.Mirror, context);
            }

            for (var m = 0; m < http.Mirrors.Count; m++)
            {
                if (http.Mirrors[m].Destination is { } destination)
                {
                    Check($"spec.http[{i}].mirrors[{m}].destination", destination, context);
                }
                else
                {
                    context.Error($"spec.http[{i}].mirrors[{m}].destination", "destination is required for mirrors");
                }
            }
        }
    }

    internal static void Check(string path, Destination destination, ValidationContext context)
    {
        if (destination.Host == "*")
        {
            context.Error($"{path}.host", $"invalid destination host {destination.Host}");
        }
        else
        {
            context.ErrorIf($"{path}.host", Hosts.CheckWildcardDomain(destination.Host));
        }

        if (destination.Subset.Length > 0 && !Hosts.IsDns1123Label(destination.Subset))
        {
            context.Error($"{path}.subset", $"subset name is invalid: {destination.Subset}");
        }

        if (destination.Port is { } port)
        {
            context.ErrorIf($"{path}.port.number", Ports.CheckNumber(port.Number));
        }
    }
}
