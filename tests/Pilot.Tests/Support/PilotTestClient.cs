using ControlPlane.Shared.Xds;
using ControlPlane.Shared.Xds.Client;
using Envoy.Config.Core.V3;
using Google.Protobuf.WellKnownTypes;

namespace ControlPlane.Pilot.Tests.Support;

/// <summary>A Shared xDS client that introduces itself as a proxyless gRPC client (<c>GENERATOR: grpc</c>).</summary>
internal static class PilotTestClient
{
    public static XdsClient Create(Uri address, string nodeId, XdsProtocol protocol = XdsProtocol.StateOfTheWorld, Func<XdsClientResponse, string?>? validator = null)
    {
        var node = new Node { Id = nodeId, Metadata = new Struct() };
        node.Metadata.Fields["GENERATOR"] = Value.ForString("grpc");
        node.Metadata.Fields["NAMESPACE"] = Value.ForString("default");
        return new XdsClient(new XdsClientOptions { Address = address, Node = node, Protocol = protocol, Validator = validator });
    }
}
