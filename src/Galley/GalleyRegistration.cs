using ControlPlane.Galley.Admission;
using ControlPlane.Galley.Debug;
using ControlPlane.Galley.Distribution;
using ControlPlane.Galley.Snapshots;
using ControlPlane.Galley.Sources.Files;
using ControlPlane.Galley.Validation;
using ControlPlane.Shared.Config;
using ControlPlane.Shared.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Prometheus;

namespace ControlPlane.Galley;

/// <summary>Galley's <c>AddGalley()</c>/<c>MapGalley()</c> pair, used by its own host and by Meshd.</summary>
public static class GalleyRegistration
{
    /// <summary>Flags Galley reads, beyond the common ones.</summary>
    public static IReadOnlyList<MeshFlag> Flags { get; } =
    [
        MeshPort.Galley.ToFlag(),
        .. AdmissionRegistration.Flags,
    ];

    /// <summary>
    /// Registers Galley: the file source (<c>--config-dir</c>), its snapshots as the process's
    /// <see cref="IConfigSnapshotSource"/> (so Pilot and Mixer in the same process read the very
    /// snapshots Galley serves), their distribution over xDS on the galley port, readiness and metrics.
    /// </summary>
    public static WebApplicationBuilder AddGalley(this WebApplicationBuilder builder)
    {
        builder.MeshPorts().Add(MeshPort.Galley, HttpProtocols.Http2);
        builder.Services.AddGalleyFileSource(builder.Configuration);
        builder.AddGalleyAdmission();
        builder.Services.AddGalleyDistribution();
        return builder;
    }

    /// <summary>
    /// Registers only Galley's file source: <c>--config-dir</c> read, validated and kept last-good
    /// per file, as the process's <see cref="IConfigSnapshotSource"/>, with its readiness and metrics.
    /// For a service run alone with <c>--config-dir</c> instead of a Galley to subscribe to.
    /// </summary>
    public static IServiceCollection AddGalleyFileSource(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IConfigValidator>(sp => new MeteredConfigValidator(new ConfigValidator(), sp.GetRequiredService<IMetricFactory>()));
        services.AddOptions<FileSourceOptions>().Bind(configuration.GetSection(FileSourceOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FileSourceOptions>, FileSourceOptionsValidator>());
        services.TryAddSingleton<IConfigFileLoader, ConfigLoaderFileLoader>();
        services.AddSingleton<GalleySnapshotStore>();
        services.AddSingleton<IConfigSnapshotSource>(sp => sp.GetRequiredService<GalleySnapshotStore>());
        services.AddSingleton<GalleyMetrics>();
        services.AddHostedService<FileConfigWatcher>();
        services.AddHealthChecks().AddCheck<SnapshotReadinessCheck>("galley-config", tags: [MonitoringEndpoints.ReadinessTag]);
        return services;
    }

    public static WebApplication MapGalley(this WebApplication app)
    {
        app.MapGalleyAdmission();
        app.MapGalleyFileSource();
        app.MapGalleyDistribution();
        return app;
    }

    /// <summary>
    /// Maps what <see cref="AddGalleyFileSource"/> shows: <c>/debug/configz</c> (the config in service
    /// and the problems of each file) on the monitoring port.
    /// </summary>
    public static WebApplication MapGalleyFileSource(this WebApplication app)
    {
        app.MapConfigz();
        return app;
    }
}
