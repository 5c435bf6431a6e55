using Microsoft.Extensions.Options;

namespace ControlPlane.Shared.Identity;

/// <summary>Checks <see cref="MeshIdentityOptions"/> when the host starts (<c>ValidateOnStart</c>).</summary>
internal sealed class MeshIdentityOptionsValidator : IValidateOptions<MeshIdentityOptions>
{
    public ValidateOptionsResult Validate(string? name, MeshIdentityOptions options) =>
        options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
