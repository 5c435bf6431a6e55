namespace ControlPlane.Shared.Hosting;

/// <summary>
/// What <see cref="MeshCommandLine.Parse"/> decided: run with these settings, or print and exit.
/// The one parse of a host's arguments; the host builder takes its <see cref="Settings"/> as they are.
/// </summary>
public sealed record MeshCommandLineResult(
    IDictionary<string, string>? SwitchMappings,
    IReadOnlyDictionary<string, string?>? Settings,
    string? Output,
    int ExitCode,
    string? Error = null)
{
    public bool ShouldRun => Settings is not null;

    public static MeshCommandLineResult ForRun(IDictionary<string, string> mappings, IReadOnlyDictionary<string, string?> settings) =>
        new(mappings, settings, null, MeshExitCodes.Success);

    public static MeshCommandLineResult ForHelp(string usage) => new(null, null, usage, MeshExitCodes.Success);

    /// <summary>A usage error: <paramref name="error"/> is what is wrong, <paramref name="line"/> the line to print.</summary>
    public static MeshCommandLineResult ForError(string error, string line) => new(null, null, line, MeshExitCodes.Usage, error);

    /// <summary>The value the command line gave a configuration key, if any.</summary>
    public string? Setting(string configKey) => Settings?.GetValueOrDefault(configKey);
}
