namespace ControlPlane.Pilot.Registry;

/// <summary>Whether an endpoint should receive traffic.</summary>
internal enum EndpointHealth
{
    Healthy,
    Unhealthy,
}
