using System.CommandLine;
using ControlPlane.Shared.Hosting;

namespace ControlPlane.Meshctl.Commands;

/// <summary>The options every Pilot-reading command shares: where Pilot's monitoring port is, and the output format.</summary>
internal static class PilotCommandOptions
{
    public static Option<string?> MonitoringAddress() =>
        new("--monitoring-address") { Description = "Pilot's monitoring port, HOST:PORT (default: the monitoring port in DATA_DIR/ports.json)" };

    public static Option<string> DataDir() =>
        new("--data-dir") { Description = "Data directory of a running Meshd or Pilot", DefaultValueFactory = _ => MeshHostOptions.DefaultDataDir };

    public static Option<string> Output()
    {
        var option = new Option<string>("--output", "-o") { Description = "Output format: table or json", DefaultValueFactory = _ => "table" };
        option.AcceptOnlyFromAmong("table", "json");
        return option;
    }

    /// <summary>Runs a command body writing to stdout; its <see cref="MeshctlException"/>s become one line on stderr (see <see cref="MeshctlCommand"/>).</summary>
    public static async Task<int> RunAsync(ParseResult parse, Func<TextWriter, Task> body)
    {
        await body(parse.InvocationConfiguration.Output);
        return ExitCodes.Success;
    }
}
