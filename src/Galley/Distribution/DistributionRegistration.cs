using ControlPlane.Shared.Hosting;
using ControlPlane.Shared.Xds;
using ControlPlane.Shared.Xds.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ControlPlane.Galley.Distribution;

/// <summary>
/// Galley's config distribution: its snapshots over the shared xDS core (delta and SotW ADS) on
/// the galley port, with <c>galley_xds_*</c> metrics (subscribers, pushes, ACKs, NACKs).
/// </summary>
internal static class DistributionRegistration
{
    public const string MetricsPrefix = "galley";

    public static IServiceCollection AddGalleyDistribution(this IServiceCollection services)
    {
        services.AddSingleton<GalleyDistributionCache>();
        services.AddXdsServer<GalleyXdsServer>(sp => sp.GetRequiredService<GalleyDistributionCache>().Cache, MetricsPrefix);
        services.AddKeyedSingleton<IXdsStreamObserver, DistributionLogObserver>(typeof(GalleyXdsServer));
        services.AddHostedService<GalleyDistributionPublisher>();
        return services;
    }

    public static IEndpointRouteBuilder MapGalleyDistribution(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapXdsServer<GalleyXdsServer>().RequireMeshPort(MeshPort.Galley);
        endpoints.MapDistributionz();
        return endpoints;
    }
}
