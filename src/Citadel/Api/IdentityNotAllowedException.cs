namespace ControlPlane.Citadel.Api;

/// <summary>The CSR asks for an identity that is not the caller's own (PERMISSION_DENIED).</summary>
internal sealed class IdentityNotAllowedException(string reason) : Exception(reason);
