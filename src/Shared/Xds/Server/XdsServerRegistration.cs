using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Prometheus;

namespace ControlPlane.Shared.Xds.Server;

/// <summary>
/// Adds and maps an xDS server. Each server is keyed by a tag type, so several (Galley's, Pilot's)
/// live in one process. Extra observers: <c>services.AddKeyedSingleton&lt;IXdsStreamObserver, T&gt;(typeof(TTag))</c>.
/// </summary>
public static class XdsServerRegistration
{
    /// <summary>
    /// Registers, keyed by <c>typeof(TTag)</c>: the <see cref="XdsServer"/> over the given provider,
    /// an <see cref="XdsStatusTracker"/>, and, when <paramref name="metricsPrefix"/> is set, an
    /// <see cref="XdsMetricsObserver"/> publishing <c>{prefix}_xds_*</c> metrics.
    /// </summary>
    public static IServiceCollection AddXdsServer<TTag>(
        this IServiceCollection services,
        Func<IServiceProvider, IXdsResourceProvider> provider,
        string? metricsPrefix = null,
        Action<XdsServerOptions>? configure = null)
    {
        var key = typeof(TTag);
        var optionsName = OptionsName<TTag>();
        services.AddGrpc();
        var options = services.AddOptions<XdsServerOptions>(optionsName);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        // Checked when the host starts, so a bad setting is a one-line usage error, not a failed first stream.
        options.Validate(o => o.SendQueueCapacity > 0, $"{optionsName}: {nameof(XdsServerOptions.SendQueueCapacity)} must be positive").ValidateOnStart();

        services.AddKeyedSingleton<XdsStatusTracker>(key, (sp, _) => new XdsStatusTracker(sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddKeyedSingleton<IXdsStreamObserver>(key, (sp, k) => sp.GetRequiredKeyedService<XdsStatusTracker>(k));
        if (metricsPrefix is not null)
        {
            services.AddKeyedSingleton<IXdsStreamObserver>(key, (sp, _) => new XdsMetricsObserver(sp.GetRequiredService<IMetricFactory>(), metricsPrefix));
        }

        services.AddKeyedSingleton<XdsServer>(key, (sp, k) =>
        {
            var options = sp.GetRequiredService<IOptionsMonitor<XdsServerOptions>>().Get(optionsName);
            var server = new XdsServer(
                provider(sp),
                sp.GetKeyedServices<IXdsStreamObserver>(k),
                options,
                sp.GetRequiredService<ILogger<XdsServer>>(),
                sp.GetService<TimeProvider>());
            sp.GetService<IHostApplicationLifetime>()?.ApplicationStopping.Register(server.Stop);
            return server;
        });
        return services;
    }

    /// <summary>
    /// The name of the server's <see cref="XdsServerOptions"/>, for binding them from configuration:
    /// <c>services.Configure&lt;XdsServerOptions&gt;(XdsServerRegistration.OptionsName&lt;TTag&gt;(), section)</c>.
    /// </summary>
    public static string OptionsName<TTag>() => typeof(TTag).FullName ?? typeof(TTag).Name;

    /// <summary>Maps the ADS service of the server tagged <typeparamref name="TTag"/>; scope it with <c>RequireMeshPort</c>.</summary>
    public static GrpcServiceEndpointConventionBuilder MapXdsServer<TTag>(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGrpcService<XdsDiscoveryService<TTag>>();
}
