using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ControlPlane.Meshctl.Commands;

/// <summary>
/// <c>meshctl proxy-config clusters|listeners|routes|endpoints PROXY_ID</c>: what one client has
/// acknowledged, read from Pilot's <c>/debug/config_dump</c>, as a table or (<c>-o json</c>) the resources.
/// </summary>
internal static class ProxyConfigCommand
{
    public static Command Create()
    {
        var command = new Command("proxy-config", "Show the configuration one xDS client holds");
        command.Subcommands.Add(Sub("clusters", "CDS", ["SERVICE FQDN", "PORT", "SUBSET", "DIRECTION", "TYPE", "LB"], ClusterRow));
        command.Subcommands.Add(Sub("listeners", "LDS", ["NAME", "TYPE", "ROUTES"], ListenerRow));
        command.Subcommands.Add(Sub("routes", "RDS", ["NAME", "DOMAINS", "MATCH", "DESTINATION"], RouteRows));
        command.Subcommands.Add(Sub("endpoints", "EDS", ["ENDPOINT", "STATUS", "WEIGHT", "LOCALITY", "CLUSTER"], EndpointRows));
        return command;
    }

    private static Command Sub(string name, string type, string[] header, Func<JsonNode, IEnumerable<IReadOnlyList<string>>> rows)
    {
        var proxy = new Argument<string>("PROXY_ID") { Description = "The client's node id, as proxy-status shows it" };
        var monitoring = PilotCommandOptions.MonitoringAddress();
        var dataDir = PilotCommandOptions.DataDir();
        var output = PilotCommandOptions.Output();
        var command = new Command(name, $"Show the {type} resources the client acknowledged") { proxy, monitoring, dataDir, output };
        command.SetAction((parse, cancellationToken) => PilotCommandOptions.RunAsync(parse, async writer =>
        {
            using var pilot = PilotDebugClient.Create(parse.GetValue(monitoring), parse.GetValue(dataDir)!);
            var resources = await pilot.ResourcesAsync(parse.GetValue(proxy)!, type, cancellationToken);
            if (parse.GetValue(output) == "json")
            {
                await writer.WriteLineAsync(resources.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
                return;
            }

            TextTable.Write(writer, header, resources.Where(r => r is not null).SelectMany(r => rows(r!)));
        }));
        return command;
    }

    private static IEnumerable<IReadOnlyList<string>> ClusterRow(JsonNode cluster)
    {
        var parts = Text(cluster["name"]).Split('|');
        yield return parts.Length == 4
            ? [parts[3], parts[1], parts[2].Length > 0 ? parts[2] : "-", parts[0], Text(cluster["type"], "EDS"), Text(cluster["lbPolicy"], "ROUND_ROBIN")]
            : [Text(cluster["name"]), "-", "-", "-", Text(cluster["type"], "EDS"), Text(cluster["lbPolicy"], "ROUND_ROBIN")];
    }

    private static IEnumerable<IReadOnlyList<string>> ListenerRow(JsonNode listener)
    {
        var api = listener["apiListener"]?["apiListener"];
        yield return [Text(listener["name"]), api is null ? "-" : "api_listener", Text(api?["rds"]?["routeConfigName"], "-")];
    }

    private static IEnumerable<IReadOnlyList<string>> RouteRows(JsonNode config)
    {
        foreach (var host in config["virtualHosts"]?.AsArray() ?? [])
        {
            foreach (var route in host?["routes"]?.AsArray() ?? [])
            {
                var match = route?["match"];
                var path = match?["path"] is { } exact ? exact.ToString() : match?["prefix"] is { } prefix ? prefix + "*" : Text(match?["safeRegex"]?["regex"], "/*");
                var headers = string.Concat((match?["headers"]?.AsArray() ?? []).Select(h => $" {h?["name"]}"));
                var action = route?["route"];
                var destination = action?["cluster"] is { } cluster ? cluster.ToString()
                    : string.Join(",", (action?["weightedClusters"]?["clusters"]?.AsArray() ?? []).Select(c => $"{c?["name"]}:{c?["weight"]}"));
                yield return [Text(config["name"]), string.Join(",", (host?["domains"]?.AsArray() ?? []).Select(d => d?.ToString())), path + headers, destination];
            }
        }
    }

    private static IEnumerable<IReadOnlyList<string>> EndpointRows(JsonNode assignment)
    {
        foreach (var locality in assignment["endpoints"]?.AsArray() ?? [])
        {
            var where = string.Join("/", new[] { "region", "zone", "subZone" }.Select(k => Text(locality?["locality"]?[k]))).TrimEnd('/');
            foreach (var endpoint in locality?["lbEndpoints"]?.AsArray() ?? [])
            {
                var socket = endpoint?["endpoint"]?["address"]?["socketAddress"];
                yield return [$"{socket?["address"]}:{socket?["portValue"]}", Text(endpoint?["healthStatus"], "UNKNOWN"), Text(endpoint?["loadBalancingWeight"], "1"), where.Length > 0 ? where : "-", Text(assignment["clusterName"])];
            }
        }
    }

    private static string Text(JsonNode? node, string fallback = "") => node?.ToString() ?? fallback;
}
