using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace ControlPlane.Shared.Hosting;

/// <summary>
/// What every process of the mesh (the control-plane hosts and the agent) shows on its console:
/// single-line logs at <c>--log-level</c> with the framework's per-request noise left out, and a
/// failure as one line with its exit code, the stack trace only at Debug.
/// </summary>
public static class MeshConsole
{
    /// <summary>
    /// Single-line console logs. ASP.NET Core logs every request at Information and Debug, which drowns
    /// the mesh's own lines, so below <c>--log-level Debug</c> only its warnings are shown. Its hosting
    /// category is switched off altogether then: while any level of it is enabled, ASP.NET Core starts an
    /// Activity and a log scope for every request, about 1 KB and 1 µs per gRPC call (bench/Mixer.Bench).
    /// </summary>
    /// <remarks>
    /// gRPC's server logs a client that goes away mid-stream as "Error reading message" at Information
    /// with the IOException's stack trace; the services log that as one line of their own (the xDS
    /// server at Debug), so below Debug only gRPC's warnings and errors are shown.
    /// The generic host's own category is off too below Debug: a failed start is reported by
    /// <see cref="ReportFailureAsync"/> as one line, and the host would log it first with its stack trace.
    /// </remarks>
    public static void ConfigureLogging(WebApplicationBuilder builder)
    {
        var configured = builder.Configuration[MeshFlags.LogLevel.ConfigKey];
        if (configured is not null && !Enum.TryParse<LogLevel>(configured, ignoreCase: true, out _))
        {
            throw new MeshUsageException($"{MeshFlags.LogLevel.Name}: '{configured}' is not one of {string.Join(", ", Enum.GetNames<LogLevel>())}");
        }

        if (!IsDebug(configured))
        {
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
            builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
            builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
            builder.Logging.AddFilter("Grpc.AspNetCore.Server", LogLevel.Warning);
        }

        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
        });
    }

    /// <summary>Whether <paramref name="logLevel"/> (the <c>--log-level</c> value) is Debug or more detailed.</summary>
    public static bool IsDebug(string? logLevel) =>
        Enum.TryParse<LogLevel>(logLevel, ignoreCase: true, out var level) && level <= LogLevel.Debug;

    /// <summary>Prints <paramref name="exception"/> as one line on stderr (and its stack trace when <paramref name="debug"/>); returns the exit code it means.</summary>
    public static async Task<int> ReportFailureAsync(string program, Exception exception, bool debug)
    {
        var (exitCode, line) = MeshStartupFailure.Describe(program, exception);
        await Console.Error.WriteLineAsync(line);
        if (debug)
        {
            await Console.Error.WriteLineAsync(exception.ToString());
        }

        return exitCode;
    }
}
