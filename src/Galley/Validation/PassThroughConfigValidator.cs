using ControlPlane.Shared.Config;

namespace ControlPlane.Galley.Validation;

/// <summary>
/// Accepts every object. Registered only when no real <see cref="IConfigValidator"/> is: the
/// loader's schema checks still apply, and the real rules take over as soon as they are registered.
/// </summary>
internal sealed class PassThroughConfigValidator : IConfigValidator
{
    public ValidationResult Validate(ConfigObject config) => ValidationResult.Valid;
}
