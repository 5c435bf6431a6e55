using Envoy.Config.Cluster.V3;
using Envoy.Config.Endpoint.V3;
using Envoy.Config.Listener.V3;
using Envoy.Config.Route.V3;
using Envoy.Extensions.Filters.Http.Fault.V3;
using Envoy.Extensions.Filters.Http.Router.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace ControlPlane.Pilot.Tests.Support;

/// <summary>Envoy resources as indented proto JSON, with the types packed in Any resolvable.</summary>
internal static class XdsJson
{
    public static TypeRegistry Types { get; } = TypeRegistry.FromMessages(
        Listener.Descriptor, RouteConfiguration.Descriptor, Cluster.Descriptor, ClusterLoadAssignment.Descriptor,
        HttpConnectionManager.Descriptor, Router.Descriptor, HTTPFault.Descriptor);

    public static JsonFormatter Formatter { get; } = new(JsonFormatter.Settings.Default.WithTypeRegistry(Types).WithIndentation("  "));

    public static string Format(IMessage message) => Formatter.Format(message);
}
