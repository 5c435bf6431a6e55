namespace ControlPlane.Meshctl.Commands;

/// <summary>A failure meshctl reports as one line on stderr with exit code 1 (no stack trace).</summary>
internal sealed class MeshctlException(string message) : Exception(message);
