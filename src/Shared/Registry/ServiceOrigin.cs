namespace ControlPlane.Shared.Registry;

/// <summary>What kind of object declared a service.</summary>
public enum ServiceOrigin
{
    /// <summary>One host of an Istio ServiceEntry.</summary>
    ServiceEntry,

    /// <summary>A Kubernetes Service.</summary>
    Kubernetes,
}
