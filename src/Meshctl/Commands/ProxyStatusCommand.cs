using System.CommandLine;
using System.Text.Json;
using ControlPlane.Pilot.Debug;

namespace ControlPlane.Meshctl.Commands;

/// <summary>
/// <c>meshctl proxy-status</c>: a row per connected client with, per type, SYNCED (the last version
/// sent was acknowledged), STALE (sent, not yet acknowledged), NACKED (rejected; the client kept
/// its previous version) or NOT SENT, as istioctl shows it.
/// </summary>
internal static class ProxyStatusCommand
{
    private static readonly string[] Types = ["CDS", "LDS", "EDS", "RDS"];

    public static Command Create()
    {
        var monitoring = PilotCommandOptions.MonitoringAddress();
        var dataDir = PilotCommandOptions.DataDir();
        var output = PilotCommandOptions.Output();
        var command = new Command("proxy-status", "Show whether each connected xDS client has the configuration Pilot last sent it") { monitoring, dataDir, output };
        command.SetAction((parse, cancellationToken) => PilotCommandOptions.RunAsync(parse, async writer =>
        {
            using var pilot = PilotDebugClient.Create(parse.GetValue(monitoring), parse.GetValue(dataDir)!);
            var clients = await pilot.SyncStatusAsync(cancellationToken);
            if (parse.GetValue(output) == "json")
            {
                await writer.WriteLineAsync(JsonSerializer.Serialize(clients, PilotDebugEndpoints.Json));
                return;
            }

            if (clients.Count == 0)
            {
                await writer.WriteLineAsync("no proxies connected");
                return;
            }

            TextTable.Write(writer, ["NAME", .. Types, "PROTOCOL", "PEER"], clients.Select(c => (IReadOnlyList<string>)
            [
                c.NodeId,
                .. Types.Select(t => Status(c, t)),
                c.Protocol,
                c.Peer,
            ]));
        }));
        return command;
    }

    private static string Status(SyncStatus client, string type)
    {
        var row = client.Types.FirstOrDefault(t => t.Type == type);
        return row is null ? TypeSyncStatus.NotSent
            : row.Status == TypeSyncStatus.Nacked ? $"{row.Status} ({row.LastNackMessage})"
            : row.Status;
    }
}
