namespace ControlPlane.Galley.Distribution;

/// <summary>The key of Galley's xDS server in DI, apart from Pilot's in the same Meshd process.</summary>
public sealed class GalleyXdsServer
{
    private GalleyXdsServer()
    {
    }
}
