using ControlPlane.Shared.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace ControlPlane.Pilot;

/// <summary>Pilot's <c>AddPilot()</c>/<c>MapPilot()</c> pair, used by its own host and by Meshd.</summary>
public static class PilotRegistration
{
    /// <summary>Flags Pilot reads, beyond the common ones.</summary>
    public static IReadOnlyList<MeshFlag> Flags { get; } =
    [
        MeshPort.Xds.ToFlag(),
        new("--galley-address", "Pilot:GalleyAddress", "Galley to subscribe to for config, HOST:PORT (standalone Pilot)"),
        new("--debounce-quiet", "Pilot:DebounceQuiet", "quiet period before a push (TimeSpan)", "00:00:00.100"),
        new("--debounce-max", "Pilot:DebounceMax", "longest a change waits for its push (TimeSpan)", "00:00:01"),
    ];

    public static WebApplicationBuilder AddPilot(this WebApplicationBuilder builder)
    {
        builder.MeshPorts().Add(MeshPort.Xds, HttpProtocols.Http2);
        builder.Services.AddOptions<PilotOptions>().Bind(builder.Configuration.GetSection(PilotOptions.Section));
        return builder;
    }

    public static WebApplication MapPilot(this WebApplication app)
    {
        return app;
    }
}
