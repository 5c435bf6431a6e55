using System.Globalization;
using Envoy.Config.Core.V3;
using Microsoft.Extensions.Logging;

namespace ControlPlane.Shared.Xds.Server;

/// <summary>
/// The protocol state of one ADS stream, without any transport: requests and change notices go
/// in, responses to send come out. Not thread-safe; one stream loop drives it.
/// </summary>
internal abstract class XdsStreamSession<TRequest, TResponse>
{
    private long _nonce;

    protected XdsStreamSession(XdsStreamSessionDeps deps, long streamId, string peer, XdsProtocol protocol)
    {
        Deps = deps;
        StreamId = streamId;
        Peer = peer;
        Protocol = protocol;
    }

    /// <summary>Known once the first request arrived.</summary>
    public XdsStreamContext? Context { get; private set; }

    protected XdsStreamSessionDeps Deps { get; }

    public long StreamId { get; }

    protected string Peer { get; }

    protected XdsProtocol Protocol { get; }

    protected ILogger Logger => Deps.Logger;

    public abstract IReadOnlyList<TResponse> OnRequest(TRequest request);

    public abstract IReadOnlyList<TResponse> OnChange(IReadOnlyList<string> typeUrls);

    /// <summary>
    /// The first request of a stream must carry the node; later ones may omit it and the first is
    /// reused (https://www.envoyproxy.io/docs/envoy/latest/api-docs/xds_protocol#basic-protocol-overview).
    /// </summary>
    protected XdsStreamContext EnsureContext(Node? node, string typeUrl)
    {
        if (Context is null)
        {
            if (node is null || string.IsNullOrEmpty(node.Id))
            {
                throw new XdsProtocolException("the first request of an xDS stream must carry node with a non-empty node.id");
            }

            Context = new XdsStreamContext(StreamId, Protocol, node.Clone(), Peer, Deps.Time.GetUtcNow());
            Deps.Observer.StreamOpened(Context);
            XdsServerLog.StreamOpened(Logger, Context.NodeId, StreamId, Protocol, Peer);
        }

        if (string.IsNullOrEmpty(typeUrl))
        {
            throw new XdsProtocolException($"request on stream of node '{Context.NodeId}' has an empty type_url");
        }

        Deps.Observer.RequestReceived(Context, typeUrl);
        return Context;
    }

    protected string NextNonce() => (++_nonce).ToString(CultureInfo.InvariantCulture);
}
