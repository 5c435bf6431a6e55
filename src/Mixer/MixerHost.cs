using ControlPlane.Shared.Hosting;

namespace ControlPlane.Mixer;

/// <summary>Mixer as its own executable: the same registration Meshd uses, alone.</summary>
public static class MixerHost
{
    public static MeshHostDefinition Definition { get; } = new(
        "mixer",
        MixerRegistration.Flags,
        builder => builder.AddMixer(),
        app => app.MapMixer());
}
