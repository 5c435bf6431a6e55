using ControlPlane.Galley.Admission;
using ControlPlane.Galley.Distribution;
using ControlPlane.Shared.Config;
using ControlPlane.Shared.Config.Sources;
using ControlPlane.Shared.Hosting;
using ControlPlane.Shared.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace ControlPlane.Galley;

/// <summary>Galley's <c>AddGalley()</c>/<c>MapGalley()</c> pair, used by its own host and by Meshd.</summary>
public static class GalleyRegistration
{
    /// <summary>Flags Galley reads, beyond the common ones.</summary>
    public static IReadOnlyList<MeshFlag> Flags { get; } =
    [
        MeshPort.Galley.ToFlag(),
        ConfigSourceRegistration.WaitForConfigDirFlag,
        .. AdmissionRegistration.Flags,
        .. MeshIdentityRegistration.Flags,
    ];

    /// <summary>
    /// Registers Galley: its config source (the file source on <c>--config-dir</c>, chosen by
    /// <see cref="ConfigSourceRegistration"/>) as the process's <see cref="IConfigSnapshotSource"/>,
    /// so Pilot and Mixer in the same process read the very snapshots Galley serves; admission; and
    /// the snapshots' distribution over xDS on the galley port.
    /// </summary>
    public static WebApplicationBuilder AddGalley(this WebApplicationBuilder builder)
    {
        builder.MeshPorts().Add(MeshPort.Galley, HttpProtocols.Http2);
        builder.Services.AddMeshIdentity(builder.Configuration);
        builder.Services.AddConfigSource(builder.Configuration, galleyInProcess: true);
        builder.AddGalleyAdmission();
        builder.Services.AddGalleyDistribution();
        return builder;
    }

    public static WebApplication MapGalley(this WebApplication app)
    {
        app.MapGalleyAdmission();
        app.MapConfigSource();
        app.MapGalleyDistribution();
        return app;
    }
}
