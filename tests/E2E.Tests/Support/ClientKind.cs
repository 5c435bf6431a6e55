namespace ControlPlane.E2E.Tests.Support;

/// <summary>The real proxyless xDS clients the tests drive.</summary>
public enum ClientKind
{
    /// <summary>Node @grpc/grpc-js-xds (tests/clients/node).</summary>
    Node,

    /// <summary>Python grpcio, gRPC C-core 1.51 (tests/clients/python, Debian's /usr/bin/python3).</summary>
    Python,
}
