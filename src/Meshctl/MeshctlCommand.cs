using System.CommandLine;
using ControlPlane.Meshctl.Commands;

namespace ControlPlane.Meshctl;

/// <summary>
/// The <c>meshctl</c> command tree. Each subcommand lives in its own file under Commands/. Every
/// failure is one line on stderr, <c>error: what is wrong; what to do</c>, never a stack trace; the
/// exit code is 0 on success, 1 when the command failed and 2 when the command line is wrong.
/// </summary>
public static class MeshctlCommand
{
    /// <summary>Exit code for command-line usage errors (unknown options, missing arguments).</summary>
    public const int UsageError = ExitCodes.Usage;

    /// <summary>Exit code for a command that ran and failed.</summary>
    public const int Failure = ExitCodes.Failure;

    public static async Task<int> InvokeAsync(string[] args, TextWriter stdout, TextWriter stderr, TextReader? stdin = null)
    {
        var root = new RootCommand("meshctl: the control plane's command-line tool. Exit codes: 0 success, 1 failure, 2 usage error.");
        root.Subcommands.Add(ValidateCommand.Create(stdin ?? Console.In));
        root.Subcommands.Add(AnalyzeCommand.Create(stdin ?? Console.In, new ControlPlane.Shared.Config.Validation.ConfigValidator()));
        root.Subcommands.Add(BootstrapCommand.Create());
        root.Subcommands.Add(TokenCommand.Create());
        root.Subcommands.Add(CertCommand.Create());
        root.Subcommands.Add(ProxyStatusCommand.Create());
        root.Subcommands.Add(ProxyConfigCommand.Create());
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // A mistyped word explains more than the missing command it leaves behind.
            var error = parsed.Errors.FirstOrDefault(e => parsed.UnmatchedTokens.Any(t => e.Message.Contains($"'{t}'", StringComparison.Ordinal))) ?? parsed.Errors[0];
            await stderr.WriteLineAsync($"error: {OneLine(error.Message)} Run '{CommandPath(parsed.CommandResult)} --help' for usage.");
            return ExitCodes.Usage;
        }

        var configuration = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        try
        {
            return await parsed.InvokeAsync(configuration);
        }
        catch (MeshctlException e)
        {
            await stderr.WriteLineAsync($"error: {OneLine(e.Message)}");
            return e.ExitCode;
        }
        catch (OperationCanceledException)
        {
            await stderr.WriteLineAsync("error: interrupted before the command finished; run it again");
            return ExitCodes.Failure;
        }
        catch (Exception e)
        {
            // A failure no command anticipated still gets one line, not a stack trace.
            await stderr.WriteLineAsync($"error: {OneLine(e.Message)} ({e.GetType().Name}); run the command again, and report it if it persists");
            return ExitCodes.Failure;
        }
    }

    private static string CommandPath(System.CommandLine.Parsing.CommandResult result)
    {
        var names = new List<string>();
        for (var current = result; current is not null; current = current.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Insert(0, current.Command is RootCommand ? "meshctl" : current.Command.Name);
        }

        return string.Join(' ', names);
    }

    private static string OneLine(string message) => string.Join(' ', message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
