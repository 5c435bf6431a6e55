namespace ControlPlane.Shared.Registry;

/// <summary>How a service's endpoints are found (ServiceEntry <c>resolution</c>; a Kubernetes Service is <see cref="Static"/>).</summary>
public enum ServiceResolution
{
    /// <summary>No endpoints: the caller's destination address is used as is.</summary>
    None,

    /// <summary>Endpoints are the listed or selected workload addresses.</summary>
    Static,

    /// <summary>Endpoints are host names resolved by the client.</summary>
    Dns,
}
