namespace ControlPlane.Shared.Hosting;

/// <summary>The command line or a setting is unusable; the message says which and why.</summary>
public sealed class MeshUsageException(string message) : Exception(message);
