using ControlPlane.Citadel;
using ControlPlane.Galley;
using ControlPlane.Mixer;
using ControlPlane.Pilot;
using ControlPlane.Shared.Config.Distribution;
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
        Flags(),
        builder => builder.AddGalley().AddPilot().AddCitadel().AddMixer(),
        app => app.MapGalley().MapPilot().MapCitadel().MapMixer());

    /// <summary>
    /// Every port of the design's table, whichever services are hosted, then each service's
    /// flags, each once (every service lists the shared <c>--trust-domain</c>); Galley is in the process, so Pilot's and Mixer's <c>--galley-address</c> has no place here.
    /// </summary>
    private static List<MeshFlag> Flags()
    {
        IEnumerable<MeshFlag> all =
        [
            .. MeshPort.All.Select(p => p.ToFlag()),
            .. GalleyRegistration.Flags,
            .. PilotRegistration.Flags,
            .. CitadelRegistration.Flags,
            .. MixerRegistration.Flags,
        ];
        return all.Where(f => f != GalleySubscriptionRegistration.GalleyAddressFlag).DistinctBy(f => f.Name, StringComparer.Ordinal).ToList();
    }
}
