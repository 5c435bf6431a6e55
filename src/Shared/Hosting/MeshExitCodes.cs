namespace ControlPlane.Shared.Hosting;

/// <summary>The exit codes of every host, as <c>--help</c> documents them.</summary>
public static class MeshExitCodes
{
    /// <summary>Stopped cleanly (a signal), or <c>--help</c>.</summary>
    public const int Success = 0;

    /// <summary>Could not start or failed while running: a busy port, an unusable data directory.</summary>
    public const int Failure = 1;

    /// <summary>The command line is wrong: an unknown flag, a missing or unusable value.</summary>
    public const int Usage = 2;

    /// <summary>The lines <c>--help</c> ends with.</summary>
    public const string Help =
        "exit codes:\n" +
        "  0  stopped cleanly (SIGINT, SIGTERM) or --help\n" +
        "  1  failed to start or while running (a busy port, an unusable --data-dir); the reason is printed\n" +
        "  2  usage error (an unknown flag, a missing or invalid value)\n";
}
