using ControlPlane.Shared.Config.Distribution;
using ControlPlane.Galley;
using ControlPlane.Pilot.Debug;
using ControlPlane.Pilot.Xds;
using ControlPlane.Pilot.Xds.Generation;
using ControlPlane.Pilot.Xds.Push;
using ControlPlane.Shared.Config;
using ControlPlane.Shared.Hosting;
using ControlPlane.Shared.Xds.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ControlPlane.Pilot;

/// <summary>Pilot's <c>AddPilot()</c>/<c>MapPilot()</c> pair, used by its own host and by Meshd.</summary>
public static class PilotRegistration
{
    /// <summary>Flags Pilot reads, beyond the common ones.</summary>
    public static IReadOnlyList<MeshFlag> Flags { get; } =
    [
        MeshPort.Xds.ToFlag(),
        GalleySubscriptionRegistration.GalleyAddressFlag,
        MeshFlag.ForOption<PilotOptions>("--debounce-quiet", PilotOptions.Section, nameof(PilotOptions.DebounceQuiet), "quiet period before a push ([d.]hh:mm:ss[.fff])"),
        MeshFlag.ForOption<PilotOptions>("--debounce-max", PilotOptions.Section, nameof(PilotOptions.DebounceMax), "longest a change waits for its push ([d.]hh:mm:ss[.fff])"),
    ];

    /// <summary>
    /// Registers Pilot. Config comes from the <see cref="IConfigSnapshotSource"/> in DI (Galley's, when
    /// Galley was added first), else from the Galley at <c>--galley-address</c>, else from
    /// <c>--config-dir</c> through Galley's file source.
    /// </summary>
    public static WebApplicationBuilder AddPilot(this WebApplicationBuilder builder)
    {
        builder.MeshPorts().Add(MeshPort.Xds, HttpProtocols.Http2);
        var services = builder.Services;
        services.AddOptions<PilotOptions>().Bind(builder.Configuration.GetSection(PilotOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PilotOptions>, PilotOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddGalleyConfigSubscription(builder.Configuration);
        if (!services.Any(d => d.ServiceType == typeof(IConfigSnapshotSource)))
        {
            // Alone and without --galley-address: Galley's own file source, in process, so
            // --config-dir is validated and kept last-good exactly as Galley would.
            services.AddGalleyFileSource(builder.Configuration);
            services.AddSingleton<OwnFileSource>();
        }

        services.AddSingleton<PushTimeline>();
        services.AddSingleton<ServedResourceLog>();
        services.AddSingleton<IXdsGenerator, ClusterGenerator>();
        services.AddSingleton<IXdsGenerator, EndpointGenerator>();
        services.AddSingleton<IXdsGenerator, ListenerGenerator>();
        services.AddSingleton<IXdsGenerator, RouteGenerator>();
        services.AddSingleton(sp => new PilotResourceProvider(sp.GetServices<IXdsGenerator>(), sp.GetRequiredService<ServedResourceLog>()));
        services.AddXdsServer<PilotXdsTag>(sp => sp.GetRequiredService<PilotResourceProvider>());
        services.AddKeyedSingleton<IXdsStreamObserver, PilotXdsObserver>(typeof(PilotXdsTag));
        services.AddKeyedSingleton<IXdsStreamObserver>(typeof(PilotXdsTag), (sp, _) => sp.GetRequiredService<ServedResourceLog>());
        services.AddHostedService<ConfigPushService>();
        services.AddHealthChecks().AddCheck<PilotReadinessCheck>("pilot", tags: [MonitoringEndpoints.ReadinessTag]);
        return builder;
    }

    public static WebApplication MapPilot(this WebApplication app)
    {
        app.MapXdsServer<PilotXdsTag>().RequireMeshPort(MeshPort.Xds);
        app.MapPilotDebug();
        if (app.Services.GetService<OwnFileSource>() is not null)
        {
            // Alone with --config-dir: the file source's /debug/configz is Pilot's to map (in Meshd, Galley maps it).
            app.MapGalleyFileSource();
        }

        return app;
    }

    /// <summary>Marks a Pilot that registered Galley's file source itself.</summary>
    private sealed class OwnFileSource;
}
