using ControlPlane.Shared.Config;
using Istio.Networking.V1Alpha3;

namespace ControlPlane.Shared.Config.Validation.Rules;

/// <summary>Mirror percentages in 0..100; the deprecated <c>mirrorPercent</c> is a warning.</summary>
internal sealed class VirtualServiceMirrorRule() : ValidationRule<VirtualService>(ConfigKinds.VirtualService)
{
    protected override void Validate(VirtualService spec, ValidationContext context)
    {
        for (var i = 0; i < spec.Http.Count; i++)
        {
            var http = spec.Http[i];
            var path = $"spec.http[{i}]";
            if (http.MirrorPercent is { } percent)
            {
                if (percent > 100)
                {
                    context.Error($"{path}.mirrorPercent", $"mirror_percent must have a max value of 100 (it has {percent})");
                }

                context.Warning($"{path}.mirrorPercent", "using deprecated setting \"mirrorPercent\", use \"mirrorPercentage\" instead");
            }

            CheckPercentage($"{path}.mirrorPercentage.value", http.MirrorPercentage, context);
            for (var m = 0; m < http.Mirrors.Count; m++)
            {
                CheckPercentage($"{path}.mirrors[{m}].percentage.value", http.Mirrors[m].Percentage, context);
            }
        }
    }

    private static void CheckPercentage(string path, Percent? percentage, ValidationContext context)
    {
        switch (percentage?.Value)
        {
            case > 100:
                context.Error(path, $"mirror percentage must have a max value of 100 (it has {percentage.Value})");
                break;
            case < 0:
                context.Error(path, $"mirror percentage must have a min value of 0 (it has {percentage.Value})");
                break;
        }
    }
}
