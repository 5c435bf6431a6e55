using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Prometheus;

namespace ControlPlane.Shared.Hosting;

/// <summary>The monitoring port's fixed endpoints: metrics, liveness, readiness and the <c>/debug/</c> index.</summary>
public static class MonitoringEndpoints
{
    /// <summary>Health checks with this tag must all pass for <c>/healthz/ready</c> to answer 200.</summary>
    public const string ReadinessTag = "ready";

    public static IEndpointRouteBuilder MapMonitoring(this IEndpointRouteBuilder endpoints)
    {
        var registry = endpoints.ServiceProvider.GetRequiredService<CollectorRegistry>();
        endpoints.MapMetrics("/metrics", registry).RequireMeshPort(MeshPort.Monitoring);
        endpoints.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false })
            .RequireMeshPort(MeshPort.Monitoring);
        endpoints.MapHealthChecks("/healthz/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadinessTag) })
            .RequireMeshPort(MeshPort.Monitoring);
        endpoints.MapGet(DebugIndexPage.Path, (EndpointDataSource routes) => DebugIndexPage.Render(routes)).RequireMeshPort(MeshPort.Monitoring);
        return endpoints;
    }
}
