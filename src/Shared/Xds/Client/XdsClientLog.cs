using Microsoft.Extensions.Logging;
using ControlPlane.Shared.Hosting;

namespace ControlPlane.Shared.Xds.Client;

internal static partial class XdsClientLog
{
    [LoggerMessage(EventId = LogEventIds.XdsClient + 1, Level = LogLevel.Information, Message = "xDS client {NodeId}: stream to {Target} ended ({Reason}); reconnecting in {DelayMs} ms")]
    public static partial void StreamEnded(ILogger logger, string nodeId, string target, string reason, long delayMs);

    [LoggerMessage(EventId = LogEventIds.XdsClient + 2, Level = LogLevel.Warning, Message = "xDS client {NodeId}: rejected {TypeUrl} version {Version}: {ErrorMessage}")]
    public static partial void Rejected(ILogger logger, string nodeId, string typeUrl, string version, string errorMessage);
}
