using Microsoft.Extensions.Logging;

namespace ControlPlane.Shared.Xds.Server;

internal static partial class XdsServerLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Debug, Message = "xDS stream {StreamId} opened by node {NodeId} ({Protocol}) from {Peer}")]
    public static partial void StreamOpened(ILogger logger, string nodeId, long streamId, XdsProtocol protocol, string peer);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Debug, Message = "xDS stream {StreamId} closed: {Reason}")]
    public static partial void StreamClosed(ILogger logger, long streamId, string reason);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Debug, Message = "node {NodeId} {TypeUrl}: ignoring request with stale nonce {Nonce} (latest {LatestNonce})")]
    public static partial void StaleNonce(ILogger logger, string nodeId, string typeUrl, string nonce, string? latestNonce);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "node {NodeId} rejected {TypeUrl} version {Version}: {ErrorMessage}")]
    public static partial void Nacked(ILogger logger, string nodeId, string typeUrl, string? version, string errorMessage);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "xDS stream {StreamId} of node {NodeId} cut: its send queue of {Capacity} responses is full")]
    public static partial void StreamCut(ILogger logger, long streamId, string? nodeId, int capacity);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Information, Message = "xDS stream {StreamId} rejected: {Message}")]
    public static partial void ProtocolError(ILogger logger, long streamId, string message);
}
