using ControlPlane.Mixer;
using ControlPlane.Shared.Hosting;

return await MeshHost.RunAsync(MixerHost.Definition, args);
