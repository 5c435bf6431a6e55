using ControlPlane.Galley;
using ControlPlane.Shared.Hosting;

return await MeshHost.RunAsync(GalleyHost.Definition, args);
