using ControlPlane.Citadel;
using ControlPlane.Galley;
using ControlPlane.Mixer;
using ControlPlane.Pilot;
using ControlPlane.Shared.Hosting;

namespace ControlPlane.Meshd;

/// <summary>
/// Every service in one process, through each service's own registration pair. Galley comes
/// first: it provides the in-process config snapshots Pilot and Mixer consume.
/// </summary>
public static class MeshdHost
{
    public static MeshHostDefinition Definition { get; } = new(
        "meshd",
        // Every port of the design's table is a Meshd flag, whichever services are hosted.
        [
            .. MeshPort.All.Select(p => p.ToFlag()),
            .. GalleyRegistration.Flags,
            .. PilotRegistration.Flags,
            .. CitadelRegistration.Flags,
            .. MixerRegistration.Flags,
        ],
        builder => builder.AddGalley().AddPilot().AddCitadel().AddMixer(),
        app => app.MapGalley().MapPilot().MapCitadel().MapMixer());
}
