namespace ControlPlane.Citadel.Authentication;

/// <summary>No authenticator accepted the caller; the message lists why each applicable one refused.</summary>
internal sealed class AuthenticationFailedException(string reason) : Exception(reason);
