namespace ControlPlane.Pilot.Xds.Generation;

/// <summary>The type URLs Pilot serves, and the order a change is pushed in (make-before-break on ADS: CDS, EDS, LDS, RDS).</summary>
internal static class XdsTypeUrls
{
    public const string Listener = "type.googleapis.com/envoy.config.listener.v3.Listener";
    public const string RouteConfiguration = "type.googleapis.com/envoy.config.route.v3.RouteConfiguration";
    public const string Cluster = "type.googleapis.com/envoy.config.cluster.v3.Cluster";
    public const string ClusterLoadAssignment = "type.googleapis.com/envoy.config.endpoint.v3.ClusterLoadAssignment";

    /// <summary>See https://www.envoyproxy.io/docs/envoy/latest/api-docs/xds_protocol#eventual-consistency-considerations</summary>
    public static IReadOnlyList<string> PushOrder { get; } = [Cluster, ClusterLoadAssignment, Listener, RouteConfiguration];

    /// <summary>The short name istioctl uses: CDS, EDS, LDS, RDS.</summary>
    public static string ShortName(string typeUrl) => typeUrl switch
    {
        Listener => "LDS",
        RouteConfiguration => "RDS",
        Cluster => "CDS",
        ClusterLoadAssignment => "EDS",
        _ => typeUrl[(typeUrl.LastIndexOf('.') + 1)..],
    };
}
