using Envoy.Config.Cluster.V3;
using Envoy.Config.Endpoint.V3;
using Envoy.Config.Listener.V3;
using Envoy.Config.Route.V3;
using Envoy.Extensions.Filters.Http.Fault.V3;
using Envoy.Extensions.Filters.Http.Router.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace ControlPlane.Pilot.Xds.Generation;

/// <summary>Pilot's resources as proto JSON (the form Envoy's config dump uses), every packed type resolvable.</summary>
internal static class ResourceJson
{
    public static TypeRegistry Types { get; } = TypeRegistry.FromMessages(
        Listener.Descriptor, RouteConfiguration.Descriptor, Cluster.Descriptor, ClusterLoadAssignment.Descriptor,
        HttpConnectionManager.Descriptor, Router.Descriptor, HTTPFault.Descriptor,
        Envoy.Extensions.Filters.Http.Rbac.V3.RBAC.Descriptor,
        Envoy.Extensions.TransportSockets.Tls.V3.DownstreamTlsContext.Descriptor,
        Envoy.Extensions.TransportSockets.Tls.V3.UpstreamTlsContext.Descriptor);

    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithTypeRegistry(Types));
    private static readonly JsonFormatter Indented = new(JsonFormatter.Settings.Default.WithTypeRegistry(Types).WithIndentation("  "));

    public static string Format(IMessage message) => Formatter.Format(message);

    public static string FormatIndented(IMessage message) => Indented.Format(message);
}
