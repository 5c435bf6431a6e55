using ControlPlane.Shared.Config;

namespace ControlPlane.Shared.Config.Validation;

/// <summary>
/// Validates one object on its own (no cross-resource checks: that is analysis). Pure: no I/O,
/// runs every rule and reports every problem with its field path and position.
/// </summary>
public interface IConfigValidator
{
    ValidationResult Validate(ConfigObject config);
}
