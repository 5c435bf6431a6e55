namespace ControlPlane.Shared.Xds;

/// <summary>The two ADS variants.</summary>
public enum XdsProtocol
{
    /// <summary>State of the world: <c>StreamAggregatedResources</c>.</summary>
    StateOfTheWorld,

    /// <summary>Incremental: <c>DeltaAggregatedResources</c>.</summary>
    Delta,
}
