using ControlPlane.Galley.Admission;
using ControlPlane.Galley.Validation;
using ControlPlane.Shared.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
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

    public static WebApplicationBuilder AddGalley(this WebApplicationBuilder builder)
    {
        builder.MeshPorts().Add(MeshPort.Galley, HttpProtocols.Http2);
        builder.Services.AddSingleton<IConfigValidator>(sp => new MeteredConfigValidator(new ConfigValidator(), sp.GetRequiredService<IMetricFactory>()));
        builder.AddGalleyAdmission();
        return builder;
    }

    public static WebApplication MapGalley(this WebApplication app)
    {
        app.MapGalleyAdmission();
        return app;
    }
}
