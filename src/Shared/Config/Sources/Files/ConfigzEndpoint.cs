using ControlPlane.Shared.Config.Sources.Files;
using ControlPlane.Shared.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ControlPlane.Shared.Config.Sources.Files;

/// <summary>Maps <c>GET /debug/configz</c> on the monitoring port.</summary>
internal static class ConfigzEndpoint
{
    public const string Path = "/debug/configz";

    public static IEndpointRouteBuilder MapConfigz(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, (FileSnapshotStore store) => Results.Text(ConfigzDocument.Build(store.Status).ToJsonString(), "application/json"))
            .RequireMeshPort(MeshPort.Monitoring);
        return endpoints;
    }
}
