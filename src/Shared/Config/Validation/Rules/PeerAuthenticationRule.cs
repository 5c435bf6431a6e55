using ControlPlane.Shared.Config.Validation.Checks;
using ControlPlane.Shared.Config;
using Istio.Security.V1Beta1;

namespace ControlPlane.Shared.Config.Validation.Rules;

/// <summary>
/// PeerAuthentication: mTLS modes Istio knows (UNSET, DISABLE, PERMISSIVE, STRICT); port-level
/// mTLS only with a workload selector (mesh- and namespace-wide policies have no ports), on ports
/// in 1..65535.
/// </summary>
internal sealed class PeerAuthenticationRule() : ValidationRule<PeerAuthentication>(ConfigKinds.PeerAuthentication)
{
    protected override void Validate(PeerAuthentication spec, ValidationContext context)
    {
        if (spec.Mtls is { } mtls && !ProtoEnums.IsDefined(mtls.Mode))
        {
            context.Error("spec.mtls.mode", $"unknown mTLS mode {ProtoEnums.Name(mtls.Mode)}, must be one of UNSET, DISABLE, PERMISSIVE, STRICT");
        }

        if (spec.PortLevelMtls.Count > 0 && (spec.Selector is null || spec.Selector.MatchLabels.Count == 0))
        {
            context.Error("spec.portLevelMtls", "mesh/namespace peer authentication cannot have port level mTLS");
        }

        foreach (var (port, portMtls) in spec.PortLevelMtls)
        {
            var path = FieldPaths.Key("spec.portLevelMtls", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (port is 0 or > 65535)
            {
                context.Error(path, "port must be in range 1..65535");
            }

            if (portMtls is not null && !ProtoEnums.IsDefined(portMtls.Mode))
            {
                context.Error($"{path}.mode", $"unknown mTLS mode {ProtoEnums.Name(portMtls.Mode)}, must be one of UNSET, DISABLE, PERMISSIVE, STRICT");
            }
        }
    }
}
