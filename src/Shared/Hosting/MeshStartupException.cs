namespace ControlPlane.Shared.Hosting;

/// <summary>
/// The host cannot start for a reason the user can fix outside the command line's syntax (a busy
/// port, an unusable data directory); the message says what is wrong and what to do. Exit code 1.
/// </summary>
public sealed class MeshStartupException(string message, Exception? innerException = null) : Exception(message, innerException);
