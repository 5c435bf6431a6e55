using Envoy.Config.Core.V3;

namespace ControlPlane.Shared.Xds;

/// <summary>
/// The client at the other end of one ADS stream: its <see cref="Node"/> (from the stream's first
/// request; later requests may omit it) and stream identity. Providers key per-client generation on it.
/// </summary>
public sealed class XdsStreamContext
{
    /// <summary>Creates the context of a stream once its first request has named the node.</summary>
    public XdsStreamContext(long streamId, XdsProtocol protocol, Node node, string peer, DateTimeOffset connectedAt)
    {
        StreamId = streamId;
        Protocol = protocol;
        Node = node;
        Peer = peer;
        ConnectedAt = connectedAt;
    }

    /// <summary>Unique per server process.</summary>
    public long StreamId { get; }

    /// <summary>SotW or delta.</summary>
    public XdsProtocol Protocol { get; }

    /// <summary>The node the client identified itself with.</summary>
    public Node Node { get; }

    /// <summary>Shortcut for <c>Node.Id</c>.</summary>
    public string NodeId => Node.Id;

    /// <summary>The transport peer (address), for logs and status.</summary>
    public string Peer { get; }

    /// <summary>When the stream opened.</summary>
    public DateTimeOffset ConnectedAt { get; }

    /// <inheritdoc />
    public override string ToString() => $"{NodeId}#{StreamId}";
}
