using ControlPlane.Shared.Hosting;
using Microsoft.Extensions.Logging;

namespace ControlPlane.Shared.Kubernetes;

/// <summary>Informer log events (ids from <see cref="LogEventIds.Kubernetes"/>): one line per state change, not per retry.</summary>
internal static partial class KubeInformerLog
{
    [LoggerMessage(EventId = LogEventIds.Kubernetes, Level = LogLevel.Information, Message = "Kubernetes {Resource}: synced {Count} objects at resourceVersion {ResourceVersion}")]
    public static partial void Synced(ILogger logger, string resource, int count, string resourceVersion);

    [LoggerMessage(EventId = LogEventIds.Kubernetes + 1, Level = LogLevel.Warning, Message = "Kubernetes {Resource}: {Problem}; retrying with backoff")]
    public static partial void Failing(ILogger logger, string resource, string problem);

    [LoggerMessage(EventId = LogEventIds.Kubernetes + 2, Level = LogLevel.Debug, Message = "Kubernetes {Resource}: still failing ({Problem}); retry in {Delay}")]
    public static partial void StillFailing(ILogger logger, string resource, string problem, TimeSpan delay);

    [LoggerMessage(EventId = LogEventIds.Kubernetes + 3, Level = LogLevel.Information, Message = "Kubernetes {Resource}: recovered after {Failures} failed attempts")]
    public static partial void Recovered(ILogger logger, string resource, int failures);

    [LoggerMessage(EventId = LogEventIds.Kubernetes + 4, Level = LogLevel.Information, Message = "Kubernetes {Resource}: resourceVersion {ResourceVersion} expired (410 Gone); listing again")]
    public static partial void Expired(ILogger logger, string resource, string resourceVersion);

    [LoggerMessage(EventId = LogEventIds.Kubernetes + 5, Level = LogLevel.Debug, Message = "Kubernetes {Resource}: watch ended; resuming from resourceVersion {ResourceVersion}")]
    public static partial void WatchEnded(ILogger logger, string resource, string resourceVersion);
}
