using ControlPlane.Meshd;
using ControlPlane.Shared.Hosting;

return await MeshHost.RunAsync(MeshdHost.Definition, args);
