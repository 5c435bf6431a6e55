using ControlPlane.Shared.Xds;

namespace ControlPlane.Pilot.Xds.Generation;

/// <summary>The order a change is pushed in, and istioctl's short names for the types Pilot serves.</summary>
internal static class XdsTypeNames
{
    /// <summary>
    /// Make-before-break on ADS: CDS, EDS, LDS, RDS.
    /// See https://www.envoyproxy.io/docs/envoy/latest/api-docs/xds_protocol#eventual-consistency-considerations
    /// </summary>
    public static IReadOnlyList<string> PushOrder { get; } =
        [XdsTypeUrls.Cluster, XdsTypeUrls.ClusterLoadAssignment, XdsTypeUrls.Listener, XdsTypeUrls.RouteConfiguration];

    /// <summary>CDS, EDS, LDS or RDS; the message name for other types.</summary>
    public static string ShortName(string typeUrl) => typeUrl switch
    {
        XdsTypeUrls.Listener => "LDS",
        XdsTypeUrls.RouteConfiguration => "RDS",
        XdsTypeUrls.Cluster => "CDS",
        XdsTypeUrls.ClusterLoadAssignment => "EDS",
        _ => typeUrl[(typeUrl.LastIndexOf('.') + 1)..],
    };
}
