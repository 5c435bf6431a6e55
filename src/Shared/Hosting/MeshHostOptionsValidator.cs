using System.Net;
using Microsoft.Extensions.Options;

namespace ControlPlane.Shared.Hosting;

/// <summary>What can be wrong with <see cref="MeshHostOptions"/>, each failure naming its flag.</summary>
internal sealed class MeshHostOptionsValidator : IValidateOptions<MeshHostOptions>
{
    public ValidateOptionsResult Validate(string? name, MeshHostOptions options)
    {
        List<string> failures = [];
        if (!IPAddress.TryParse(options.BindAddress, out _))
        {
            failures.Add($"{MeshFlags.BindAddress.Name}: '{options.BindAddress}' is not an IP address");
        }

        if (string.IsNullOrWhiteSpace(options.DataDir))
        {
            failures.Add($"{MeshFlags.DataDir.Name}: must not be empty");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The options if they are valid; otherwise a <see cref="MeshUsageException"/> with every failure.</summary>
    internal static MeshHostOptions Checked(MeshHostOptions options)
    {
        var result = new MeshHostOptionsValidator().Validate(null, options);
        return result.Failed ? throw new MeshUsageException(string.Join("; ", result.Failures!)) : options;
    }
}
