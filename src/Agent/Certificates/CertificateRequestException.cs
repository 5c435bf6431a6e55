namespace ControlPlane.Agent.Certificates;

/// <summary>A certificate request that failed for a reason worth one log line (Citadel down or refusing, a file unreadable).</summary>
internal sealed class CertificateRequestException(string message, Exception? inner = null) : Exception(message, inner);
