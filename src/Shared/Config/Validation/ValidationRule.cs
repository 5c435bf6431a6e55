using ControlPlane.Shared.Config;
using Google.Protobuf;

namespace ControlPlane.Shared.Config.Validation;

/// <summary>Base of a rule that checks one kind whose spec is <typeparamref name="TSpec"/>.</summary>
internal abstract class ValidationRule<TSpec>(ConfigKind kind) : IValidationRule
    where TSpec : IMessage
{
    public IReadOnlyList<ConfigKind> Kinds { get; } = [kind];

    public void Validate(ValidationContext context) => Validate(context.Config.SpecAs<TSpec>(), context);

    protected abstract void Validate(TSpec spec, ValidationContext context);
}
