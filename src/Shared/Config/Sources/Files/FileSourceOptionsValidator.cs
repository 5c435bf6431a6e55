using Microsoft.Extensions.Options;

namespace ControlPlane.Shared.Config.Sources.Files;

/// <summary>What can be wrong with <see cref="FileSourceOptions"/>, each failure naming its setting.</summary>
internal sealed class FileSourceOptionsValidator : IValidateOptions<FileSourceOptions>
{
    public ValidateOptionsResult Validate(string? name, FileSourceOptions options)
    {
        List<string> failures = [];
        if (options.Debounce < TimeSpan.Zero)
        {
            failures.Add($"{FileSourceOptions.Section}:{nameof(FileSourceOptions.Debounce)}: {options.Debounce} is negative; give 0 or more");
        }

        if (options.RescanInterval <= TimeSpan.Zero)
        {
            failures.Add($"{FileSourceOptions.Section}:{nameof(FileSourceOptions.RescanInterval)}: {options.RescanInterval} must be positive");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
