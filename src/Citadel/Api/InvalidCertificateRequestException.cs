namespace ControlPlane.Citadel.Api;

/// <summary>The request is well formed but asks for something Citadel does not grant, such as too long a TTL (INVALID_ARGUMENT).</summary>
internal sealed class InvalidCertificateRequestException(string reason) : Exception(reason);
