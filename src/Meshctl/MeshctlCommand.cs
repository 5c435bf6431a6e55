using System.CommandLine;
using ControlPlane.Meshctl.Commands;

namespace ControlPlane.Meshctl;

/// <summary>The <c>meshctl</c> command tree. Each subcommand lives in its own file under Commands/.</summary>
public static class MeshctlCommand
{
    /// <summary>Exit code for command-line usage errors (unknown options, missing arguments).</summary>
    public const int UsageError = 2;

    public static async Task<int> InvokeAsync(string[] args, TextWriter stdout, TextWriter stderr, TextReader? stdin = null)
    {
        var root = new RootCommand("meshctl: the control plane's command-line tool");
        root.Subcommands.Add(ValidateCommand.Create(stdin ?? Console.In));
        root.Subcommands.Add(AnalyzeCommand.Create(stdin ?? Console.In, new ControlPlane.Shared.Config.Validation.ConfigValidator()));
        root.Subcommands.Add(TokenCommand.Create());
        root.Subcommands.Add(CertCommand.Create());
        root.Subcommands.Add(ProxyStatusCommand.Create());
        root.Subcommands.Add(ProxyConfigCommand.Create());
        var configuration = new InvocationConfiguration { Output = stdout, Error = stderr };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await stderr.WriteLineAsync($"meshctl: {error.Message}");
            }

            return UsageError;
        }

        return await parsed.InvokeAsync(configuration);
    }
}
