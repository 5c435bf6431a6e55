namespace ControlPlane.Pilot.Model;

/// <summary>What is at the other end of a stream; generation adapts to what each kind accepts.</summary>
internal enum ProxyKind
{
    /// <summary>An Envoy sidecar or gateway.</summary>
    Envoy,

    /// <summary>A proxyless gRPC client (node metadata <c>GENERATOR: grpc</c>).</summary>
    Grpc,
}
