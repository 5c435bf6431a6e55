using ControlPlane.Pilot.Debug;
using ControlPlane.Pilot.Xds;
using ControlPlane.Pilot.Xds.Generation;
using ControlPlane.Pilot.Xds.Push;
using ControlPlane.Shared.Config;
using ControlPlane.Shared.Config.Sources;
using ControlPlane.Shared.Hosting;
using ControlPlane.Shared.Identity;
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
        .. ConfigSourceRegistration.ConsumerFlags,
        MeshFlag.ForOption<PilotOptions>("--debounce-quiet", PilotOptions.Section, nameof(PilotOptions.DebounceQuiet), "quiet period before a push ([d.]hh:mm:ss[.fff])"),
        MeshFlag.ForOption<PilotOptions>("--debounce-max", PilotOptions.Section, nameof(PilotOptions.DebounceMax), "longest a change waits for its push ([d.]hh:mm:ss[.fff])"),
        .. MeshIdentityRegistration.Flags,
    ];

    /// <summary>
    /// Registers Pilot. Config comes from the one <see cref="IConfigSnapshotSource"/> that
    /// <see cref="ConfigSourceRegistration"/> chooses (Galley's in Meshd, a Galley subscription with
    /// <c>--galley-address</c>, else the file source on <c>--config-dir</c>).
    /// </summary>
    public static WebApplicationBuilder AddPilot(this WebApplicationBuilder builder)
    {
        builder.MeshPorts().Add(MeshPort.Xds, HttpProtocols.Http2);
        var services = builder.Services;
        services.AddOptions<PilotOptions>().Bind(builder.Configuration.GetSection(PilotOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PilotOptions>, PilotOptionsValidator>();
        services.AddMeshIdentity(builder.Configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddConfigSource(builder.Configuration);

        services.AddSingleton<ServedResourceLog>();
        services.AddSingleton<IXdsGenerator, ClusterGenerator>();
        services.AddSingleton<IXdsGenerator, EndpointGenerator>();
        services.AddSingleton<IXdsGenerator, ListenerGenerator>();
        services.AddSingleton<IXdsGenerator, RouteGenerator>();
        services.AddSingleton(sp => new PilotResourceProvider(
            sp.GetServices<IXdsGenerator>(), sp.GetRequiredService<IOptions<MeshIdentityOptions>>().Value));
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
        app.MapConfigSource();

        return app;
    }
}
