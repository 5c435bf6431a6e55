namespace ControlPlane.Shared.Hosting;

/// <summary>What <see cref="MeshCommandLine.Parse"/> decided: run with these mappings, or print and exit.</summary>
public sealed record MeshCommandLineResult(IDictionary<string, string>? SwitchMappings, string? Output, int ExitCode)
{
    public bool ShouldRun => SwitchMappings is not null;

    public static MeshCommandLineResult ForRun(IDictionary<string, string> mappings) => new(mappings, null, 0);

    public static MeshCommandLineResult ForHelp(string usage) => new(null, usage, 0);

    public static MeshCommandLineResult ForError(string message) => new(null, message, 2);
}
