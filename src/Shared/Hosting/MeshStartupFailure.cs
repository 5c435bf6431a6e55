using Microsoft.Extensions.Options;

namespace ControlPlane.Shared.Hosting;

/// <summary>
/// Turns an exception that stopped a host into its exit code and the one line printed for it:
/// usage errors (exit 2), start-up problems the user can fix (exit 1), anything else (exit 1).
/// </summary>
internal static class MeshStartupFailure
{
    internal static (int ExitCode, string Line) Describe(string program, Exception exception)
    {
        if (Find<MeshUsageException>(exception) is { } usage)
        {
            return (MeshExitCodes.Usage, MeshCommandLine.ErrorLine(program, usage.Message));
        }

        if (Find<OptionsValidationException>(exception) is { } invalid)
        {
            return (MeshExitCodes.Usage, MeshCommandLine.ErrorLine(program, string.Join("; ", invalid.Failures)));
        }

        if (Find<MeshStartupException>(exception) is { } startup)
        {
            return (MeshExitCodes.Failure, $"{program}: error: {startup.Message}");
        }

        if (MeshListenerFactory.IsAddressInUse(exception))
        {
            return (MeshExitCodes.Failure, $"{program}: error: a port is already in use; stop what holds it, or pass --<name>-port 0 to pick a free port");
        }

        var cause = exception.GetBaseException();
        return (MeshExitCodes.Failure, $"{program}: error: cannot start: {OneLine(cause.Message)} ({cause.GetType().Name}; run with --log-level Debug for the stack trace)");
    }

    private static T? Find<T>(Exception? exception)
        where T : Exception
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }

            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    if (Find<T>(inner) is { } nested)
                    {
                        return nested;
                    }
                }
            }
        }

        return null;
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
