using ControlPlane.Shared.Config;
using Istio.Networking.V1Alpha3;

namespace ControlPlane.Shared.Config.Validation.Rules;

/// <summary>
/// Route weights: each in 0..100 and, when a route has more than one destination, summing to 100
/// (a single destination takes all traffic whatever its weight).
/// </summary>
internal sealed class VirtualServiceWeightsRule() : ValidationRule<VirtualService>(ConfigKinds.VirtualService)
{
    protected override void Validate(VirtualService spec, ValidationContext context)
    {
        foreach (var list in RouteDestinationList.Of(spec))
        {
            long total = 0;
            var eachValid = true;
            for (var j = 0; j < list.Entries.Count; j++)
            {
                var weight = list.Entries[j].Weight;
                if (weight is < 0 or > 100)
                {
                    context.Error($"{list.Path}[{j}].weight", $"weight {weight} must be in the range 0..100");
                    eachValid = false;
                }

                total += weight;
            }

            if (list.Entries.Count > 1 && eachValid && total != 100)
            {
                context.Error(list.Path, $"total destination weight {total} != 100");
            }
        }
    }
}
