using System.CommandLine;

namespace ControlPlane.Meshctl.Commands;

/// <summary>The options every Pilot-reading command shares: where Pilot's monitoring port is, and the output format.</summary>
internal static class PilotCommandOptions
{
    public static Option<string?> MonitoringAddress() =>
        new("--monitoring-address") { Description = "Pilot's monitoring port, HOST:PORT (default: the monitoring port in DATA_DIR/ports.json)" };

    public static Option<string> DataDir() =>
        new("--data-dir") { Description = "data directory of a running Meshd or Pilot", DefaultValueFactory = _ => ".data" };

    public static Option<string> Output()
    {
        var option = new Option<string>("--output", "-o") { Description = "output format", DefaultValueFactory = _ => "table" };
        option.AcceptOnlyFromAmong("table", "json");
        return option;
    }

    /// <summary>Runs a command body, printing a <see cref="MeshctlException"/> as one line with exit code 1.</summary>
    public static async Task<int> RunAsync(ParseResult parse, Func<TextWriter, Task> body)
    {
        var output = parse.InvocationConfiguration.Output;
        try
        {
            await body(output);
            return 0;
        }
        catch (MeshctlException e)
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync($"meshctl: {e.Message}");
            return 1;
        }
    }
}
