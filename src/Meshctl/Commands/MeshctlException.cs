namespace ControlPlane.Meshctl.Commands;

/// <summary>
/// A failure meshctl reports as one line on stderr, <c>error: MESSAGE</c>, with no stack trace.
/// The message says what is wrong and what to do; <see cref="ExitCode"/> is <see cref="ExitCodes.Failure"/>
/// unless the command line itself is at fault (<see cref="Usage"/>).
/// </summary>
internal sealed class MeshctlException(string message, int exitCode = ExitCodes.Failure) : Exception(message)
{
    public int ExitCode { get; } = exitCode;

    /// <summary>A usage error (exit code 2): the command line names something wrong.</summary>
    public static MeshctlException Usage(string message) => new(message, ExitCodes.Usage);
}
