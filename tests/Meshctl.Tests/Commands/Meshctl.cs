namespace ControlPlane.Meshctl.Tests.Commands;

/// <summary>Runs meshctl in process with captured stdout/stderr (and optional stdin), bounded in time.</summary>
internal static class Meshctl
{
    public static Task<Run> RunAsync(params string[] args) => RunWithStdinAsync(string.Empty, args);

    public static async Task<Run> RunWithStdinAsync(string stdin, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var input = new StringReader(stdin);
        var exitCode = await MeshctlCommand.InvokeAsync(args, stdout, stderr, input).WaitAsync(TimeSpan.FromSeconds(30));
        return new Run(exitCode, Lines(stdout), Lines(stderr));
    }

    private static string[] Lines(StringWriter writer) =>
        writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

    internal sealed record Run(int ExitCode, string[] StdoutLines, string[] StderrLines);
}
