using Microsoft.Extensions.Options;

namespace ControlPlane.Mixer;

/// <summary>What can be wrong with <see cref="MixerOptions"/>, each failure naming its flag or setting.</summary>
internal sealed class MixerOptionsValidator : IValidateOptions<MixerOptions>
{
    public ValidateOptionsResult Validate(string? name, MixerOptions options)
    {
        List<string> failures = [];
        if (string.IsNullOrWhiteSpace(options.RootNamespace))
        {
            failures.Add($"{MixerRegistration.RootNamespace.Name}: must not be empty");
        }

        Positive(failures, $"{MixerOptions.Section}:{nameof(MixerOptions.RedisTimeoutMilliseconds)}", options.RedisTimeoutMilliseconds);
        Positive(failures, $"{MixerOptions.Section}:{nameof(MixerOptions.MaxLabelValues)}", options.MaxLabelValues);
        Positive(failures, $"{MixerOptions.Section}:{nameof(MixerOptions.MaxSeries)}", options.MaxSeries);
        Positive(failures, $"{MixerOptions.Section}:{nameof(MixerOptions.GraphWindowSeconds)}", options.GraphWindowSeconds);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Positive(List<string> failures, string setting, int value)
    {
        if (value <= 0)
        {
            failures.Add($"{setting}: {value} must be positive");
        }
    }
}
