namespace ControlPlane.Meshctl.Commands;

/// <summary>meshctl's documented exit codes, the same for every command.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Success = 0;

    /// <summary>The command ran and failed (invalid config, nothing listening, a refusal).</summary>
    public const int Failure = 1;

    /// <summary>The command line is wrong (unknown option, missing or malformed value, a named file that does not exist).</summary>
    public const int Usage = 2;
}
