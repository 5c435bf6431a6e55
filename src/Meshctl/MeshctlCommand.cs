using System.CommandLine;
using ControlPlane.Meshctl.Commands;

namespace ControlPlane.Meshctl;

/// <summary>The <c>meshctl</c> command tree. Each subcommand lives in its own file under Commands/.</summary>
public static class MeshctlCommand
{
    public static async Task<int> InvokeAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("meshctl: the control plane's command-line tool");
        root.Subcommands.Add(ProxyStatusCommand.Create());
        root.Subcommands.Add(ProxyConfigCommand.Create());
        var configuration = new InvocationConfiguration { Output = stdout, Error = stderr };
        return await root.Parse(args).InvokeAsync(configuration);
    }
}
