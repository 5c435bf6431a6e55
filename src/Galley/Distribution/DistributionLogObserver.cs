using ControlPlane.Shared.Xds;
using ControlPlane.Shared.Xds.Server;
using Microsoft.Extensions.Logging;
using ControlPlane.Shared.Hosting;

namespace ControlPlane.Galley.Distribution;

/// <summary>Logs who subscribes to Galley's config and when they leave; a subscriber's NACK is logged once, by the xDS server (event 1104).</summary>
internal sealed partial class DistributionLogObserver(ILogger<DistributionLogObserver> logger) : IXdsStreamObserver
{
    public void StreamOpened(XdsStreamContext stream) => LogOpened(stream.NodeId, stream.Protocol, stream.Peer);

    public void StreamClosed(XdsStreamContext stream, string? reason) => LogClosed(stream.NodeId, reason ?? "closed by client");

    [LoggerMessage(EventId = LogEventIds.GalleyDistribution + 1, Level = LogLevel.Information, Message = "Config subscriber {NodeId} connected ({Protocol}, {Peer})")]
    private partial void LogOpened(string nodeId, XdsProtocol protocol, string peer);

    [LoggerMessage(EventId = LogEventIds.GalleyDistribution + 2, Level = LogLevel.Information, Message = "Config subscriber {NodeId} disconnected: {Reason}")]
    private partial void LogClosed(string nodeId, string reason);
}
