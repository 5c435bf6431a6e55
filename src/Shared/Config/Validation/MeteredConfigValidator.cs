using ControlPlane.Shared.Config;
using Prometheus;

namespace ControlPlane.Shared.Config.Validation;

/// <summary>
/// Counts what a validator decides, by kind (<c>galley_validation_passed_total{kind}</c>,
/// <c>galley_validation_failed_total{kind}</c>), keeping the rules themselves free of side effects.
/// </summary>
internal sealed class MeteredConfigValidator(IConfigValidator inner, IMetricFactory metrics) : IConfigValidator
{
    private readonly Counter _passed = metrics.CreateCounter(
        "galley_validation_passed_total", "Objects that passed validation, by kind.", ["kind"]);

    private readonly Counter _failed = metrics.CreateCounter(
        "galley_validation_failed_total", "Objects rejected by validation, by kind.", ["kind"]);

    public ValidationResult Validate(ConfigObject config)
    {
        var result = inner.Validate(config);
        (result.IsValid ? _passed : _failed).WithLabels(config.Kind.Kind).Inc();
        return result;
    }
}
