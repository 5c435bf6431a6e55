using Envoy.Config.Core.V3;
using Grpc.Core;

namespace ControlPlane.Shared.Xds.Client;

/// <summary>Settings of one <see cref="XdsClient"/>.</summary>
public sealed class XdsClientOptions
{
    /// <summary>The control plane, e.g. <c>http://127.0.0.1:15010</c> (ignored when <see cref="CallInvoker"/> is set).</summary>
    public Uri? Address { get; set; }

    /// <summary>
    /// An existing gRPC invoker (channel) to use instead of <see cref="Address"/>; lets many clients
    /// share one HTTP/2 connection pool. The client does not dispose it.
    /// </summary>
    public CallInvoker? CallInvoker { get; set; }

    /// <summary>The node sent on the first request of every stream; <c>id</c> is required.</summary>
    public Node Node { get; set; } = new();

    /// <summary>State of the world (default) or delta ADS.</summary>
    public XdsProtocol Protocol { get; set; } = XdsProtocol.StateOfTheWorld;

    /// <summary>First reconnect delay; doubles up to <see cref="MaxBackoff"/>, with jitter.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Longest reconnect delay.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Called on every response before it is accepted; return null to accept (ACK) or an error
    /// message to reject it (NACK with that message in <c>error_detail</c>).
    /// </summary>
    public Func<XdsClientResponse, string?>? Validator { get; set; }

    /// <summary>
    /// Names a state-of-the-world resource from its body (SotW responses carry no names). The
    /// default reads field 1 when it is a string: <c>name</c> of Listener, Cluster,
    /// RouteConfiguration, <c>cluster_name</c> of ClusterLoadAssignment; and the name of an
    /// <c>envoy.service.discovery.v3.Resource</c> wrapper.
    /// </summary>
    public Func<Google.Protobuf.WellKnownTypes.Any, string?> ResourceName { get; set; } = XdsResourceNames.FromBody;

    /// <summary>
    /// Type URLs whose SotW responses are complete even for named subscriptions, so a resource left
    /// out is deleted (LDS and CDS, per the spec). Wildcard subscriptions are always complete.
    /// </summary>
    public ISet<string> FullStateTypeUrls { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        XdsTypeUrls.Listener,
        XdsTypeUrls.Cluster,
    };
}
