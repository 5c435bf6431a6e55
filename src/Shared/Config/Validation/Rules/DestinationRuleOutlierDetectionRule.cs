using ControlPlane.Shared.Config.Validation.Checks;
using ControlPlane.Shared.Config;
using Istio.Networking.V1Alpha3;

namespace ControlPlane.Shared.Config.Validation.Rules;

/// <summary>
/// Outlier detection: ejection and health percentages in 0..100, interval and base ejection time
/// valid durations, local-origin failures only with split errors; the deprecated
/// consecutiveErrors is a warning.
/// </summary>
internal sealed class DestinationRuleOutlierDetectionRule() : ValidationRule<DestinationRule>(ConfigKinds.DestinationRule)
{
    protected override void Validate(DestinationRule spec, ValidationContext context)
    {
        foreach (var settings in PolicySettings.Of(spec))
        {
            if (settings.OutlierDetection is { } outlier)
            {
                Check($"{settings.Path}.outlierDetection", outlier, context);
            }
        }
    }

    private static void Check(string path, OutlierDetection outlier, ValidationContext context)
    {
        context.ErrorIf($"{path}.baseEjectionTime", Durations.CheckIfSet(outlier.BaseEjectionTime));
        context.ErrorIf($"{path}.interval", Durations.CheckIfSet(outlier.Interval));
        if (outlier.ConsecutiveErrors != 0)
        {
            context.Warning($"{path}.consecutiveErrors", "outlier detection consecutive errors is deprecated, use consecutiveGatewayErrors or consecutive5xxErrors instead");
        }

        if (!outlier.SplitExternalLocalOriginErrors && outlier.ConsecutiveLocalOriginFailures > 0)
        {
            context.Error($"{path}.consecutiveLocalOriginFailures", "outlier detection consecutive local origin failures is specified, but split external local origin errors is set to false");
        }

        CheckPercent($"{path}.maxEjectionPercent", outlier.MaxEjectionPercent, context);
        CheckPercent($"{path}.minHealthPercent", outlier.MinHealthPercent, context);
    }

    private static void CheckPercent(string path, int value, ValidationContext context)
    {
        if (value is < 0 or > 100)
        {
            context.Error(path, $"percentage {value} is not in range 0..100");
        }
    }
}
