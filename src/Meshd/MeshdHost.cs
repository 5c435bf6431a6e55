using ControlPlane.Galley;
using ControlPlane.Pilot;
using ControlPlane.Shared.Hosting;

namespace ControlPlane.Meshd;

/// <summary>Every service in one process, through each service's own registration pair.</summary>
public static class MeshdHost
{
    public static MeshHostDefinition Definition { get; } = new(
        "meshd",
        // Every port of the design's table is a Meshd flag, whichever services are hosted.
        [.. MeshPort.All.Select(p => p.ToFlag()), .. GalleyRegistration.Flags, .. PilotRegistration.Flags],
        builder => builder.AddGalley().AddPilot(),
        app => app.MapGalley().MapPilot());
}
