using ControlPlane.Shared.Xds;
using ControlPlane.Shared.Xds.Server;
using Microsoft.Extensions.Logging;
using ControlPlane.Shared.Hosting;

namespace ControlPlane.Galley.Distribution;

/// <summary>Logs who subscribes to Galley's config and every NACK, with the subscriber's reason.</summary>
internal sealed partial class DistributionLogObserver(ILogger<DistributionLogObserver> logger) : IXdsStreamObserver
{
    public void StreamOpened(XdsStreamContext stream) => LogOpened(stream.NodeId, stream.Protocol, stream.Peer);

    public void StreamClosed(XdsStreamContext stream, string? reason) => LogClosed(stream.NodeId, reason ?? "closed by client");

    public void Nacked(XdsStreamContext stream, string typeUrl, string version, string nonce, string errorMessage) =>
        LogNacked(stream.NodeId, typeUrl, version, errorMessage);

    [LoggerMessage(EventId = LogEventIds.GalleyDistribution + 1, Level = LogLevel.Information, Message = "Config subscriber {NodeId} connected ({Protocol}, {Peer})")]
    private partial void LogOpened(string nodeId, XdsProtocol protocol, string peer);

    [LoggerMessage(EventId = LogEventIds.GalleyDistribution + 2, Level = LogLevel.Information, Message = "Config subscriber {NodeId} disconnected: {Reason}")]
    private partial void LogClosed(string nodeId, string reason);

    [LoggerMessage(EventId = LogEventIds.GalleyDistribution + 3, Level = LogLevel.Warning, Message = "Config subscriber {NodeId} rejected {TypeUrl} version {Version}: {Error}; it keeps its previous config")]
    private partial void LogNacked(string nodeId, string typeUrl, string version, string error);
}
