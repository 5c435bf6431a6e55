using Microsoft.Extensions.Options;

namespace ControlPlane.Pilot;

/// <summary>What can be wrong with <see cref="PilotOptions"/>, each failure naming its flag.</summary>
internal sealed class PilotOptionsValidator : IValidateOptions<PilotOptions>
{
    public ValidateOptionsResult Validate(string? name, PilotOptions options)
    {
        List<string> failures = [];
        if (options.DebounceQuiet < TimeSpan.Zero)
        {
            failures.Add($"--debounce-quiet: {options.DebounceQuiet} is negative; give a quiet period of 0 or more");
        }

        if (options.DebounceMax <= TimeSpan.Zero)
        {
            failures.Add($"--debounce-max: {options.DebounceMax} must be positive");
        }
        else if (options.DebounceMax < options.DebounceQuiet)
        {
            failures.Add($"--debounce-max: {options.DebounceMax} is shorter than --debounce-quiet {options.DebounceQuiet}; give at least the quiet period");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
