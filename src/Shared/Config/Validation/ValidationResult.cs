using ControlPlane.Shared.Config;

namespace ControlPlane.Shared.Config.Validation;

/// <summary>Every problem validation found in one object: errors reject it, warnings do not.</summary>
public sealed record ValidationResult(IReadOnlyList<ConfigDiagnostic> Errors, IReadOnlyList<ConfigDiagnostic> Warnings)
{
    public static ValidationResult Valid { get; } = new([], []);

    public bool IsValid => Errors.Count == 0;
}
