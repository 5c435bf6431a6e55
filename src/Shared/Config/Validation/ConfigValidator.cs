using System.Collections.Frozen;
using ControlPlane.Shared.Config.Validation.Rules;
using ControlPlane.Shared.Config;

namespace ControlPlane.Shared.Config.Validation;

/// <summary>
/// Validates an object with every rule for its kind (Istio's per-kind validation, split into
/// small rules under <c>Rules/</c>). Pure and thread-safe: no I/O, no state between calls.
/// </summary>
public sealed class ConfigValidator : IConfigValidator
{
    private readonly FrozenDictionary<ConfigKind, IValidationRule[]> _rulesByKind;

    public ConfigValidator()
        : this(ValidationRules.All)
    {
    }

    internal ConfigValidator(IEnumerable<IValidationRule> rules)
    {
        var list = rules.ToList();
        _rulesByKind = ConfigKinds.All.ToFrozenDictionary(k => k, k => list.Where(r => r.Kinds.Contains(k)).ToArray());
    }

    public ValidationResult Validate(ConfigObject config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var context = new ValidationContext(config);
        if (_rulesByKind.TryGetValue(config.Kind, out var rules))
        {
            foreach (var rule in rules)
            {
                rule.Validate(context);
            }
        }

        return context.ToResult();
    }
}
