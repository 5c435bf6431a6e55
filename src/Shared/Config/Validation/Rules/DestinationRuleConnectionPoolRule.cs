using ControlPlane.Shared.Config;
using Istio.Networking.V1Alpha3;

namespace ControlPlane.Shared.Config.Validation.Rules;

/// <summary>Connection pool settings wherever a DestinationRule has them.</summary>
internal sealed class DestinationRuleConnectionPoolRule() : ValidationRule<DestinationRule>(ConfigKinds.DestinationRule)
{
    protected override void Validate(DestinationRule spec, ValidationContext context)
    {
        foreach (var settings in PolicySettings.Of(spec))
        {
            if (settings.ConnectionPool is { } pool)
            {
                ConnectionPools.Check($"{settings.Path}.connectionPool", pool, context);
            }
        }
    }
}
