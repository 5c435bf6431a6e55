using ControlPlane.Shared.Config.Validation;
using ControlPlane.Shared.Config;

namespace ControlPlane.Shared.Tests.Support;

/// <summary>A validator that rejects VirtualServices routing to a host containing "invalid", as a real rule would.</summary>
internal sealed class RejectingValidator : IConfigValidator
{
    public ValidationResult Validate(ConfigObject config)
    {
        if (config.Spec is Istio.Networking.V1Alpha3.VirtualService vs && vs.Hosts.Any(h => h.Contains("invalid", StringComparison.Ordinal)))
        {
            var error = new ConfigDiagnostic(DiagnosticLevel.Error, "host is not allowed", config.PositionOf("spec.hosts[0]"), config.Reference, "spec.hosts[0]");
            return new ValidationResult([error], []);
        }

        return ValidationResult.Valid;
    }
}
