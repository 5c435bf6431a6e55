using ControlPlane.Shared.Config;
using Istio.Networking.V1Alpha3;

namespace ControlPlane.Shared.Config.Validation.Rules;

/// <summary>Gateway names in <c>spec.gateways</c> and in every route match's <c>gateways</c>.</summary>
internal sealed class VirtualServiceGatewaysRule() : ValidationRule<VirtualService>(ConfigKinds.VirtualService)
{
    protected override void Validate(VirtualService spec, ValidationContext context)
    {
        for (var i = 0; i < spec.Gateways.Count; i++)
        {
            GatewayNames.Check($"spec.gateways[{i}]", spec.Gateways[i], context);
        }

        for (var r = 0; r < spec.Http.Count; r++)
        {
            for (var m = 0; m < spec.Http[r].Match.Count; m++)
            {
                var gateways = spec.Http[r].Match[m].Gateways;
                for (var g = 0; g < gateways.Count; g++)
                {
                    GatewayNames.Check($"spec.http[{r}].match[{m}].gateways[{g}]", gateways[g], context);
                }
            }
        }

        for (var r = 0; r < spec.Tcp.Count; r++)
        {
            for (var m = 0; m < spec.Tcp[r].Match.Count; m++)
            {
                var gateways = spec.Tcp[r].Match[m].Gateways;
                for (var g = 0; g < gateways.Count; g++)
                {
                    GatewayNames.Check($"spec.tcp[{r}].match[{m}].gateways[{g}]", gateways[g], context);
                }
            }
        }

        for (var r = 0; r < spec.Tls.Count; r++)
        {
            for (var m = 0; m < spec.Tls[r].Match.Count; m++)
            {
                var gateways = spec.Tls[r].Match[m].Gateways;
                for (var g = 0; g < gateways.Count; g++)
                {
                    GatewayNames.Check($"spec.tls[{r}].match[{m}].gateways[{g}]", gateways[g], context);
                }
            }
        }
    }
}
