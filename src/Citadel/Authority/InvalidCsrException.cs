namespace ControlPlane.Citadel.Authority;

/// <summary>The certificate signing request cannot be used; <see cref="Exception.Message"/> says why.</summary>
internal sealed class InvalidCsrException(string reason) : Exception(reason);
