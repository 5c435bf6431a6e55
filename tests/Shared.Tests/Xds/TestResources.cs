using ControlPlane.Shared.Xds;
using Envoy.Config.Core.V3;

namespace ControlPlane.Shared.Tests.Xds;

/// <summary>
/// Test resources: <c>envoy.config.core.v3.Node</c> messages, whose field 1 (<c>id</c>) is the
/// resource name, as field 1 is for Listener or Cluster, and whose <c>cluster</c> is the content.
/// </summary>
internal static class TestResources
{
    public const string TypeA = "type.googleapis.com/envoy.config.core.v3.Node";

    public const string TypeB = "type.googleapis.com/envoy.config.core.v3.Locality";

    public static Node Body(string name, string content) => new() { Id = name, Cluster = content };

    public static XdsResource Resource(string name, string content) => XdsResource.Create(name, Body(name, content));

    public static XdsResourceSet Set(string version, params (string Name, string Content)[] resources) =>
        new(version, resources.Select(r => Resource(r.Name, r.Content)));

    public static XdsResource LocalityResource(string name, string zone) =>
        XdsResource.Create(name, new Locality { Region = name, Zone = zone });

    public static string Content(Google.Protobuf.WellKnownTypes.Any body) => body.Unpack<Node>().Cluster;

    public static Node ClientNode(string id = "sidecar~10.1.1.1~pod.default~default.svc.cluster.local") => new() { Id = id, Cluster = "test" };
}
