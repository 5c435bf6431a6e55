using Microsoft.Extensions.Logging;
using ControlPlane.Shared.Hosting;

namespace ControlPlane.Shared.Xds.Server;

internal static partial class XdsServerLog
{
    [LoggerMessage(EventId = LogEventIds.XdsServer + 1, Level = LogLevel.Debug, Message = "xDS stream {StreamId} opened by node {NodeId} ({Protocol}) from {Peer}")]
    public static partial void StreamOpened(ILogger logger, string nodeId, long streamId, XdsProtocol protocol, string peer);

    [LoggerMessage(EventId = LogEventIds.XdsServer + 2, Level = LogLevel.Debug, Message = "xDS stream {StreamId} closed: {Reason}")]
    public static partial void StreamClosed(ILogger logger, long streamId, string reason);

    [LoggerMessage(EventId = LogEventIds.XdsServer + 3, Level = LogLevel.Debug, Message = "Node {NodeId} {TypeUrl}: ignoring request with stale nonce {Nonce} (latest {LatestNonce})")]
    public static partial void StaleNonce(ILogger logger, string nodeId, string typeUrl, string nonce, string? latestNonce);

    [LoggerMessage(EventId = LogEventIds.XdsServer + 4, Level = LogLevel.Warning, Message = "Node {NodeId} rejected {TypeUrl} version {Version}: {ErrorMessage}")]
    public static partial void Nacked(ILogger logger, string nodeId, string typeUrl, string? version, string errorMessage);

    [LoggerMessage(EventId = LogEventIds.XdsServer + 5, Level = LogLevel.Warning, Message = "xDS stream {StreamId} of node {NodeId} cut: its send queue of {Capacity} responses is full")]
    public static partial void StreamCut(ILogger logger, long streamId, string? nodeId, int capacity);

    [LoggerMessage(EventId = LogEventIds.XdsServer + 6, Level = LogLevel.Information, Message = "xDS stream {StreamId} rejected: {Message}")]
    public static partial void ProtocolError(ILogger logger, long streamId, string message);
}
