using ControlPlane.Citadel.Authority;
using Microsoft.Extensions.Options;

namespace ControlPlane.Citadel;

/// <summary>
/// What can be wrong with <see cref="CitadelOptions"/>: every problem is reported, each naming its
/// flag. Runs when the host starts (<c>ValidateOnStart</c>) and again before the CA loads.
/// </summary>
internal sealed class CitadelOptionsValidator : IValidateOptions<CitadelOptions>
{
    public ValidateOptionsResult Validate(string? name, CitadelOptions options)
    {
        List<string> failures = [];
        if (!CaKeyAlgorithms.IsKnown(options.KeyAlgorithm))
        {
            failures.Add($"--ca-key-algorithm: '{options.KeyAlgorithm}' is not one of {string.Join(", ", CaKeyAlgorithms.All)}");
        }

        var maxTtl = Parse(failures, () => options.MaxTtl);
        var defaultTtl = Parse(failures, () => options.DefaultTtl);
        var rootTtl = Parse(failures, () => options.RootTtl);
        var rotateBefore = Parse(failures, () => options.RotateBefore);
        if (maxTtl is { } max && (max <= TimeSpan.Zero || max > CitadelOptions.MaxTtlCeiling))
        {
            failures.Add($"--max-cert-ttl: {max} must be positive and at most {CitadelOptions.MaxTtlCeiling.TotalDays:0} days");
        }

        if (defaultTtl is { } leaf && leaf <= TimeSpan.Zero)
        {
            failures.Add($"--default-cert-ttl: {leaf} must be positive");
        }

        if (rootTtl is { } root && maxTtl is { } longest && root <= longest)
        {
            failures.Add($"--root-cert-ttl: {root} must be longer than --max-cert-ttl {longest}");
        }

        if (rotateBefore is { } before && (before <= TimeSpan.Zero || (rootTtl is { } lifetime && before >= lifetime)))
        {
            failures.Add($"--root-rotate-before: {before} must be positive and shorter than --root-cert-ttl");
        }

        if (string.IsNullOrWhiteSpace(options.JwtAudience))
        {
            failures.Add("--jwt-audience: must not be empty");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static TimeSpan? Parse(List<string> failures, Func<TimeSpan> parse)
    {
        try
        {
            return parse();
        }
        catch (CaConfigurationException e)
        {
            failures.Add(e.Message);
            return null;
        }
    }
}
