using ControlPlane.Shared.Config.Validation.Checks;
using ControlPlane.Shared.Config;
using Istio.Networking.V1Alpha3;

namespace ControlPlane.Shared.Config.Validation.Rules;

/// <summary>The DestinationRule host: present and a host name (short names and a wildcard first label allowed).</summary>
internal sealed class DestinationRuleHostRule() : ValidationRule<DestinationRule>(ConfigKinds.DestinationRule)
{
    protected override void Validate(DestinationRule spec, ValidationContext context) =>
        context.ErrorIf("spec.host", Hosts.CheckWildcardDomain(spec.Host));
}
