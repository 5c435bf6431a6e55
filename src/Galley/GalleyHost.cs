using ControlPlane.Shared.Hosting;

namespace ControlPlane.Galley;

/// <summary>Galley as its own executable: the same registration Meshd uses, alone.</summary>
public static class GalleyHost
{
    public static MeshHostDefinition Definition { get; } = new(
        "galley",
        GalleyRegistration.Flags,
        builder => builder.AddGalley(),
        app => app.MapGalley());
}
