using ControlPlane.Shared.Config;
using Microsoft.Extensions.Logging;
using ControlPlane.Shared.Hosting;

namespace ControlPlane.Galley.Sources.Files;

/// <summary>The file source's log events (ids 100-119).</summary>
internal static partial class FileSourceLog
{
    public static void ConfigProblem(this ILogger logger, ConfigDiagnostic diagnostic, bool keptLastGood)
    {
        var position = diagnostic.Position;
        if (diagnostic.Level == DiagnosticLevel.Error)
        {
            ConfigError(logger, position?.File ?? "?", position?.Line ?? 0, position?.Column ?? 0, diagnostic.ObjectReference ?? "-", diagnostic.FieldPath ?? "-", diagnostic.Message, keptLastGood);
        }
        else
        {
            ConfigWarning(logger, position?.File ?? "?", position?.Line ?? 0, position?.Column ?? 0, diagnostic.ObjectReference ?? "-", diagnostic.FieldPath ?? "-", diagnostic.Message);
        }
    }

    [LoggerMessage(EventId = LogEventIds.GalleyFileSource, Level = LogLevel.Error, Message = "Config error: {File}:{Line}:{Column}: {Object}: {Field}: {Problem} (the file's last valid objects stay in service: {KeptLastGood})")]
    private static partial void ConfigError(ILogger logger, string file, int line, int column, string @object, string field, string problem, bool keptLastGood);

    [LoggerMessage(EventId = LogEventIds.GalleyFileSource + 1, Level = LogLevel.Warning, Message = "Config warning: {File}:{Line}:{Column}: {Object}: {Field}: {Problem}")]
    private static partial void ConfigWarning(ILogger logger, string file, int line, int column, string @object, string field, string problem);

    [LoggerMessage(EventId = LogEventIds.GalleyFileSource + 2, Level = LogLevel.Information, Message = "Config file {File} loaded: {Objects} objects in service, {Errors} errors")]
    public static partial void FileLoaded(this ILogger logger, string file, int objects, int errors);

    [LoggerMessage(EventId = LogEventIds.GalleyFileSource + 3, Level = LogLevel.Information, Message = "Config file {File} removed: its {Objects} objects are out of service")]
    public static partial void FileRemoved(this ILogger logger, string file, int objects);

    [LoggerMessage(EventId = LogEventIds.GalleyFileSource + 4, Level = LogLevel.Information, Message = "Config snapshot {Version} published from {Directory}: {Objects} Istio objects, {KubernetesObjects} Kubernetes objects")]
    public static partial void SnapshotPublished(this ILogger logger, long version, string directory, int objects, int kubernetesObjects);

    [LoggerMessage(EventId = LogEventIds.GalleyFileSource + 5, Level = LogLevel.Warning, Message = "Cannot watch {Directory} for changes ({Reason}); relying on the periodic rescan every {Interval}")]
    public static partial void WatchUnavailable(this ILogger logger, string directory, string reason, TimeSpan interval);

    [LoggerMessage(EventId = LogEventIds.GalleyFileSource + 6, Level = LogLevel.Warning, Message = "Config directory {Directory} does not exist; serving no config until it appears")]
    public static partial void DirectoryMissing(this ILogger logger, string directory);

    [LoggerMessage(EventId = LogEventIds.GalleyFileSource + 7, Level = LogLevel.Error, Message = "Reloading config from {Directory} failed; the current snapshot stays in service")]
    public static partial void ReloadFailed(this ILogger logger, string directory, Exception exception);

    [LoggerMessage(EventId = LogEventIds.GalleyFileSource + 8, Level = LogLevel.Information, Message = "No --config-dir given: serving an empty config snapshot")]
    public static partial void NoConfigDir(this ILogger logger);
}
