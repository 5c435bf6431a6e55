using System.CommandLine;
using ControlPlane.Meshctl.Commands;

namespace ControlPlane.Meshctl;

/// <summary>The <c>meshctl</c> command tree. Each subcommand lives in its own file under Commands/.</summary>
public static class MeshctlCommand
{
    /// <summary>The exit code of a command line that does not parse.</summary>
    public const int UsageExitCode = 2;

    public static async Task<int> InvokeAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("meshctl: the control plane's command-line tool");
        root.Subcommands.Add(AnalyzeCommand.Create());
        var configuration = new InvocationConfiguration { Output = stdout, Error = stderr };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // Usage errors exit 2 (System.CommandLine's default is 1, which means "problems found" here).
            await parsed.InvokeAsync(configuration);
            return UsageExitCode;
        }

        return await parsed.InvokeAsync(configuration);
    }
}
