namespace ControlPlane.Citadel.Authority;

/// <summary>The CA's files or settings are unusable; the message names the file and the problem.</summary>
internal sealed class CaConfigurationException(string message) : Exception(message);
