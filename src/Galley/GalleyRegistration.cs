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
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
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
        var services = builder.Services;
        services.AddSingleton<IConfigValidator>(sp => new MeteredConfigValidator(new ConfigValidator(), sp.GetRequiredService<IMetricFactory>()));
        builder.AddGalleyAdmission();
        services.Configure<FileSourceOptions>(builder.Configuration.GetSection(FileSourceOptions.Section));
        services.TryAddSingleton<IConfigFileLoader, ConfigLoaderFileLoader>();
        services.AddSingleton<GalleySnapshotStore>();
        services.AddSingleton<IConfigSnapshotSource>(sp => sp.GetRequiredService<GalleySnapshotStore>());
        services.AddSingleton<GalleyMetrics>();
        services.AddHostedService<FileConfigWatcher>();
        services.AddGalleyDistribution();
        services.AddHealthChecks().AddCheck<SnapshotReadinessCheck>("galley-config", tags: [MonitoringEndpoints.ReadinessTag]);
        return builder;
    }

    public static WebApplication MapGalley(this WebApplication app)
    {
        app.MapGalleyAdmission();
        app.MapConfigz();
        app.MapGalleyDistribution();
        return app;
    }
}
