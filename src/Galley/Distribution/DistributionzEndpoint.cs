using System.Text.Json;
using System.Text.Json.Serialization;
using ControlPlane.Shared.Hosting;
using ControlPlane.Shared.Xds.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ControlPlane.Galley.Distribution;

/// <summary>
/// <c>GET /debug/distributionz</c> on the monitoring port: every config subscriber (node, stream,
/// protocol) and, per type, the version sent and acknowledged and the last NACK.
/// </summary>
internal static class DistributionzEndpoint
{
    public const string Path = "/debug/distributionz";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = true,
    };

    public static IEndpointRouteBuilder MapDistributionz(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, ([FromKeyedServices(typeof(GalleyXdsServer))] XdsStatusTracker tracker) =>
                Results.Text(JsonSerializer.Serialize(tracker.Clients(), Json), "application/json"))
            .RequireMeshPort(MeshPort.Monitoring);
        return endpoints;
    }
}
