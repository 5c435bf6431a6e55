using Microsoft.Extensions.Logging;

namespace ControlPlane.TestSupport;

/// <summary>One entry a <see cref="CapturedLogs"/> provider was given.</summary>
public sealed record CapturedLogEntry(string Category, LogLevel Level, int EventId, string Message, Exception? Exception)
{
    public override string ToString() => $"{Level} {Category}[{EventId}] {Message}{(Exception is null ? string.Empty : " " + Exception.GetType().Name)}";
}
