namespace ControlPlane.Mixer.Api;

/// <summary>A CheckRequest lacks what a decision needs; the check fails closed.</summary>
internal sealed class MalformedCheckRequestException(string message) : Exception(message);
