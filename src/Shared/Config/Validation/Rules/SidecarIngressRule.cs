using System.Globalization;
using ControlPlane.Shared.Config.Validation.Checks;
using ControlPlane.Shared.Config;
using Istio.Networking.V1Alpha3;

namespace ControlPlane.Shared.Config.Validation.Rules;

/// <summary>
/// Sidecar ingress listeners: a port in range and unique; a bind that is an IP; a default endpoint
/// <c>127.0.0.1:PORT</c>, <c>0.0.0.0:PORT</c>, <c>[::1]:PORT</c>, <c>[::]:PORT</c> or <c>unix://</c>;
/// connection pools well formed.
/// </summary>
internal sealed class SidecarIngressRule() : ValidationRule<Sidecar>(ConfigKinds.Sidecar)
{
    private static readonly string[] EndpointHosts = ["127.0.0.1", "0.0.0.0", "[::1]", "[::]"];

    protected override void Validate(Sidecar spec, ValidationContext context)
    {
        var ports = new HashSet<uint>();
        for (var i = 0; i < spec.Ingress.Count; i++)
        {
            var ingress = spec.Ingress[i];
            var path = $"spec.ingress[{i}]";
            if (ingress.Port is null)
            {
                context.Error($"{path}.port", "sidecar: port is required for ingress listeners");
            }
            else
            {
                context.ErrorIf($"{path}.port.number", Ports.CheckNumber(ingress.Port.Number));
                if (ingress.Port.TargetPort > 0)
                {
                    context.Error($"{path}.port.targetPort", "targetPort has no impact on Sidecars");
                }

                if (!ports.Add(ingress.Port.Number))
                {
                    context.Error($"{path}.port.number", "sidecar: ports on IP bound listeners must be unique");
                }
            }

            if (ingress.Bind.Length > 0 && !IpAddresses.IsAddress(ingress.Bind))
            {
                context.Error($"{path}.bind", $"{ingress.Bind} is not a valid IP");
            }

            if (ingress.DefaultEndpoint.Length > 0)
            {
                context.ErrorIf($"{path}.defaultEndpoint", CheckDefaultEndpoint(ingress.DefaultEndpoint));
            }

            if (ingress.ConnectionPool is { } pool)
            {
                ConnectionPools.Check($"{path}.connectionPool", pool, context);
            }
        }
    }

    private static string? CheckDefaultEndpoint(string endpoint)
    {
        if (endpoint.StartsWith(WorkloadEntryRule.UnixPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var colon = endpoint.LastIndexOf(':');
        if (colon < 0 || !EndpointHosts.Contains(endpoint[..colon]))
        {
            return "sidecar: defaultEndpoint must be of form 127.0.0.1:<port>, 0.0.0.0:<port>, [::1]:port, [::]:port, unix://filepath, or unset";
        }

        var port = endpoint[(colon + 1)..];
        return int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? Ports.CheckNumber(number)
            : $"sidecar: defaultEndpoint port ({port}) is not a number";
    }
}
