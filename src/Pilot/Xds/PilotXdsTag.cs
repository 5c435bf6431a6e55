namespace ControlPlane.Pilot.Xds;

/// <summary>Keys Pilot's xDS server, status tracker and observers in DI (Galley has its own server in the same process).</summary>
internal sealed class PilotXdsTag;
