using System.Text.Json;
using System.Text.Json.Nodes;
using ControlPlane.Pilot.Xds;
using ControlPlane.Pilot.Xds.Generation;
using ControlPlane.Shared.Hosting;
using ControlPlane.Shared.Xds.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ControlPlane.Pilot.Debug;

/// <summary>Pilot's read-only debug views on the monitoring port: <c>/debug/syncz</c>, <c>/debug/config_dump?proxyID=</c>, <c>/debug/registryz</c>.</summary>
internal static class PilotDebugEndpoints
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static void MapPilotDebug(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/debug/syncz", (IServiceProvider services) =>
            Results.Json(SyncStatuses(Tracker(services)), Json)).RequireMeshPort(MeshPort.Monitoring);

        endpoints.MapGet("/debug/config_dump", (string? proxyID, IServiceProvider services) =>
        {
            if (string.IsNullOrEmpty(proxyID))
            {
                return Results.BadRequest(new { error = "query parameter proxyID is required" });
            }

            var clients = Tracker(services).ForNode(proxyID);
            if (clients.Count == 0)
            {
                return Results.NotFound(new { error = $"no connected client with node id '{proxyID}'" });
            }

            var log = services.GetRequiredService<ServedResourceLog>();
            var client = clients[^1];
            var dump = new JsonObject { ["nodeId"] = client.NodeId, ["streamId"] = client.StreamId };
            var types = new JsonObject();
            foreach (var type in client.Types)
            {
                var set = type.AckedVersion is { } acked ? log.Find(client.StreamId, type.TypeUrl, acked) : null;
                types[XdsTypeNames.ShortName(type.TypeUrl)] = new JsonObject
                {
                    ["typeUrl"] = type.TypeUrl,
                    ["version"] = type.AckedVersion,
                    ["resources"] = new JsonArray((set?.Resources.Values ?? Enumerable.Empty<ControlPlane.Shared.Xds.XdsResource>()).OrderBy(r => r.Name, StringComparer.Ordinal)
                        .Select(r => JsonNode.Parse(ResourceJson.Format(r.Body))).ToArray()),
                };
            }

            dump["types"] = types;
            return Results.Text(dump.ToJsonString(Json), "application/json");
        }).RequireMeshPort(MeshPort.Monitoring);

        endpoints.MapGet("/debug/registryz", (PilotResourceProvider provider) =>
        {
            var snapshot = provider.Snapshot;
            return Results.Json(snapshot.Registry.Services.Select(s => new
            {
                s.Hostname,
                s.Namespace,
                Resolution = s.Resolution.ToString(),
                s.MeshInternal,
                Source = s.Reference,
                s.Ports,
                Endpoints = snapshot.Registry.Endpoints(s.Hostname).Select(e => new
                {
                    e.ServicePort,
                    e.Address,
                    e.Port,
                    e.Labels,
                    Locality = e.Locality.ToString(),
                    e.Weight,
                    Health = e.Health.ToString(),
                    e.Identity,
                    Source = e.Reference,
                }),
            }), Json);
        }).RequireMeshPort(MeshPort.Monitoring);
    }

    public static IReadOnlyList<SyncStatus> SyncStatuses(XdsStatusTracker tracker) =>
        tracker.Clients().Select(c => new SyncStatus(
            c.NodeId,
            c.StreamId,
            c.Protocol.ToString(),
            c.Peer,
            c.ConnectedAt,
            c.Types.Select(t => new TypeSyncStatus(
                XdsTypeNames.ShortName(t.TypeUrl),
                t.TypeUrl,
                Status(t),
                t.SentVersion,
                t.AckedVersion,
                t.LastNack?.Version,
                t.LastNack?.Message,
                t.LastNack?.At,
                t.Pushes,
                t.Acks,
                t.Nacks)).ToList())).ToList();

    private static string Status(XdsTypeStatus type) =>
        type.SentVersion is null ? TypeSyncStatus.NotSent
        : type.IsSynced ? TypeSyncStatus.Synced
        : type.LastNack is { } nack && nack.Nonce == type.SentNonce ? TypeSyncStatus.Nacked
        : TypeSyncStatus.Stale;

    private static XdsStatusTracker Tracker(IServiceProvider services) =>
        services.GetRequiredKeyedService<XdsStatusTracker>(typeof(PilotXdsTag));
}
