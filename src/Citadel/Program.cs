using ControlPlane.Citadel;
using ControlPlane.Shared.Hosting;

return await MeshHost.RunAsync(CitadelHost.Definition, args);
