using ControlPlane.Shared.Config;
using Microsoft.Extensions.Logging;
using ControlPlane.Shared.Hosting;

namespace ControlPlane.Shared.Config.Sources.Files;

/// <summary>The file source's log events (ids from <see cref="LogEventIds.ConfigFileSource"/>).</summary>
internal static partial class FileSourceLog
{
    /// <summary>
    /// Logs one problem of a file as one sentence: where (file:line:column, then the object and field
    /// when known), what, and for an error what stays in service meanwhile.
    /// </summary>
    public static void ConfigProblem(this ILogger logger, ConfigDiagnostic diagnostic, bool keptLastGood)
    {
        var location = Location(diagnostic);
        var problem = diagnostic.Message.TrimEnd('.');
        if (diagnostic.Level == DiagnosticLevel.Error)
        {
            ConfigError(logger, location, problem, keptLastGood
                ? "the file's last valid objects stay in service until it is fixed"
                : "what it defines is not served until it is fixed");
        }
        else
        {
            ConfigWarning(logger, location, problem);
        }
    }

    /// <summary><c>vs.yaml:15:1 (VirtualService default/reviews, field spec.hosts[0])</c>, leaving out what is not known.</summary>
    public static string Location(ConfigDiagnostic diagnostic)
    {
        var position = diagnostic.Position?.ToString() ?? "an unknown place";
        string[] details =
        [
            .. diagnostic.ObjectReference is { } reference ? [reference] : Array.Empty<string>(),
            .. string.IsNullOrEmpty(diagnostic.FieldPath) ? Array.Empty<string>() : [$"field {diagnostic.FieldPath}"],
        ];
        return details.Length == 0 ? position : $"{position} ({string.Join(", ", details)})";
    }

    // A broken file is an expected event (Galley keeps serving its last good config), so a warning.
    [LoggerMessage(EventId = LogEventIds.ConfigFileSource, Level = LogLevel.Warning, Message = "Config error at {Location}: {Problem}; {Consequence}")]
    private static partial void ConfigError(ILogger logger, string location, string problem, string consequence);

    [LoggerMessage(EventId = LogEventIds.ConfigFileSource + 1, Level = LogLevel.Warning, Message = "Config warning at {Location}: {Problem}")]
    private static partial void ConfigWarning(ILogger logger, string location, string problem);

    [LoggerMessage(EventId = LogEventIds.ConfigFileSource + 2, Level = LogLevel.Information, Message = "Config file {File} loaded: {Objects} objects in service, {Errors} errors")]
    public static partial void FileLoaded(this ILogger logger, string file, int objects, int errors);

    [LoggerMessage(EventId = LogEventIds.ConfigFileSource + 3, Level = LogLevel.Information, Message = "Config file {File} removed: its {Objects} objects are out of service")]
    public static partial void FileRemoved(this ILogger logger, string file, int objects);

    [LoggerMessage(EventId = LogEventIds.ConfigFileSource + 4, Level = LogLevel.Information, Message = "Config snapshot {Version} published from {Directory}: {Objects} Istio objects, {KubernetesObjects} Kubernetes objects")]
    public static partial void SnapshotPublished(this ILogger logger, long version, string directory, int objects, int kubernetesObjects);

    [LoggerMessage(EventId = LogEventIds.ConfigFileSource + 5, Level = LogLevel.Warning, Message = "Cannot watch {Directory} for changes ({Reason}); relying on the periodic rescan every {Interval}")]
    public static partial void WatchUnavailable(this ILogger logger, string directory, string reason, TimeSpan interval);

    [LoggerMessage(EventId = LogEventIds.ConfigFileSource + 6, Level = LogLevel.Information, Message = "Config directory {Directory} does not exist yet; waiting for it (--wait-for-config-dir) and serving no config until it appears")]
    public static partial void DirectoryMissing(this ILogger logger, string directory);

    [LoggerMessage(EventId = LogEventIds.ConfigFileSource + 7, Level = LogLevel.Error, Message = "Reloading config from {Directory} failed; the current snapshot stays in service")]
    public static partial void ReloadFailed(this ILogger logger, string directory, Exception exception);

    [LoggerMessage(EventId = LogEventIds.ConfigFileSource + 8, Level = LogLevel.Information, Message = "No --config-dir given: serving an empty config snapshot")]
    public static partial void NoConfigDir(this ILogger logger);
}
