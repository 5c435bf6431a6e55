using ControlPlane.Shared.Config.Validation.Checks;
using ControlPlane.Shared.Config;
using Google.Protobuf.Collections;
using Istio.Networking.V1Alpha3;

namespace ControlPlane.Shared.Config.Validation.Rules;

/// <summary>TCP and TLS match conditions: destination subnets are IPs or CIDR blocks, ports in range, source labels well formed.</summary>
internal sealed class VirtualServiceL4MatchRule() : ValidationRule<VirtualService>(ConfigKinds.VirtualService)
{
    protected override void Validate(VirtualService spec, ValidationContext context)
    {
        for (var r = 0; r < spec.Tcp.Count; r++)
        {
            for (var m = 0; m < spec.Tcp[r].Match.Count; m++)
            {
                var match = spec.Tcp[r].Match[m];
                Check($"spec.tcp[{r}].match[{m}]", match.DestinationSubnets, match.Port, match.SourceLabels, context);
            }
        }

        for (var r = 0; r < spec.Tls.Count; r++)
        {
            for (var m = 0; m < spec.Tls[r].Match.Count; m++)
            {
                var match = spec.Tls[r].Match[m];
                Check($"spec.tls[{r}].match[{m}]", match.DestinationSubnets, match.Port, match.SourceLabels, context);
            }
        }
    }

    private static void Check(string path, RepeatedField<string> subnets, uint port, MapField<string, string> sourceLabels, ValidationContext context)
    {
        for (var i = 0; i < subnets.Count; i++)
        {
            context.ErrorIf($"{path}.destinationSubnets[{i}]", IpAddresses.CheckAddressOrCidr(subnets[i]));
        }

        if (port != 0)
        {
            context.ErrorIf($"{path}.port", Ports.CheckNumber(port));
        }

        foreach (var (key, message) in Labels.Check(sourceLabels))
        {
            context.Error(FieldPaths.Key($"{path}.sourceLabels", key), message);
        }
    }
}
