namespace ControlPlane.Shared.Xds;

/// <summary>Type URLs of the Envoy v3 resources served over ADS.</summary>
public static class XdsTypeUrls
{
    /// <summary>The prefix of every type URL.</summary>
    public const string Prefix = "type.googleapis.com/";

    /// <summary>LDS.</summary>
    public const string Listener = Prefix + "envoy.config.listener.v3.Listener";

    /// <summary>RDS.</summary>
    public const string RouteConfiguration = Prefix + "envoy.config.route.v3.RouteConfiguration";

    /// <summary>CDS.</summary>
    public const string Cluster = Prefix + "envoy.config.cluster.v3.Cluster";

    /// <summary>EDS.</summary>
    public const string ClusterLoadAssignment = Prefix + "envoy.config.endpoint.v3.ClusterLoadAssignment";

    /// <summary>SDS.</summary>
    public const string Secret = Prefix + "envoy.extensions.transport_sockets.tls.v3.Secret";

    /// <summary>The wrapper some servers put SotW resources in to carry a name and TTL.</summary>
    public const string Resource = Prefix + "envoy.service.discovery.v3.Resource";

    /// <summary>The type URL of a proto message by its full name.</summary>
    public static string For(string protoFullName) => Prefix + protoFullName;
}
