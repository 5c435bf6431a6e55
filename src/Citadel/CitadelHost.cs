using ControlPlane.Shared.Hosting;

namespace ControlPlane.Citadel;

/// <summary>Citadel as its own executable: the same registration Meshd uses, alone.</summary>
public static class CitadelHost
{
    public static MeshHostDefinition Definition { get; } = new(
        "citadel",
        CitadelRegistration.Flags,
        builder => builder.AddCitadel(),
        app => app.MapCitadel());
}
