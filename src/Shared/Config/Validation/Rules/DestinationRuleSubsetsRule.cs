using ControlPlane.Shared.Config.Validation.Checks;
using ControlPlane.Shared.Config;
using Istio.Networking.V1Alpha3;

namespace ControlPlane.Shared.Config.Validation.Rules;

/// <summary>Subsets: names present, DNS-1123 labels and unique; labels well formed.</summary>
internal sealed class DestinationRuleSubsetsRule() : ValidationRule<DestinationRule>(ConfigKinds.DestinationRule)
{
    protected override void Validate(DestinationRule spec, ValidationContext context)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < spec.Subsets.Count; i++)
        {
            var subset = spec.Subsets[i];
            var path = $"spec.subsets[{i}]";
            if (subset.Name.Length == 0)
            {
                context.Error($"{path}.name", "subset name cannot be empty");
            }
            else if (!Hosts.IsDns1123Label(subset.Name))
            {
                context.Error($"{path}.name", $"subset name is invalid: {subset.Name}");
            }

            if (!seen.Add(subset.Name))
            {
                context.Error($"{path}.name", $"duplicate subset names: {subset.Name}");
            }

            foreach (var (key, message) in Labels.Check(subset.Labels))
            {
                context.Error(FieldPaths.Key($"{path}.labels", key), message);
            }
        }
    }
}
