using ControlPlane.Shared.Config;

namespace ControlPlane.Shared.Config.Validation;

/// <summary>
/// One validation rule: a small, pure check of one aspect of objects of the kinds it names.
/// A rule reports every problem it finds into the context and never stops at the first.
/// </summary>
internal interface IValidationRule
{
    /// <summary>The kinds this rule checks.</summary>
    IReadOnlyList<ConfigKind> Kinds { get; }

    void Validate(ValidationContext context);
}
