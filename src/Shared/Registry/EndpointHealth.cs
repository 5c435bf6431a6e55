namespace ControlPlane.Shared.Registry;

/// <summary>Whether an endpoint should receive traffic.</summary>
public enum EndpointHealth
{
    Healthy,
    Unhealthy,
}
