using ControlPlane.Pilot;
using ControlPlane.Shared.Hosting;

return await MeshHost.RunAsync(PilotHost.Definition, args);
