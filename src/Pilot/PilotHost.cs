using ControlPlane.Shared.Hosting;

namespace ControlPlane.Pilot;

/// <summary>Pilot as its own executable: the same registration Meshd uses, alone.</summary>
public static class PilotHost
{
    public static MeshHostDefinition Definition { get; } = new(
        "pilot",
        PilotRegistration.Flags,
        builder => builder.AddPilot(),
        app => app.MapPilot());
}
