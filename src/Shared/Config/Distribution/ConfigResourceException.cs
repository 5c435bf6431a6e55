namespace ControlPlane.Shared.Config.Distribution;

/// <summary>A distributed config resource that cannot be turned back into an object; the subscriber NACKs its response.</summary>
public sealed class ConfigResourceException(string message) : Exception(message);
