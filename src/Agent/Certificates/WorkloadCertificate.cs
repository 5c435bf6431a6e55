namespace ControlPlane.Agent.Certificates;

/// <summary>
/// A certificate Citadel issued to the workload, with its key. <see cref="Identity"/> is read back
/// from the certificate's URI SAN: what Citadel decided, not what the agent asked for.
/// </summary>
internal sealed record WorkloadCertificate(
    string PrivateKeyPem,
    string CertificateChainPem,
    string RootsPem,
    string Identity,
    string SerialNumber,
    DateTimeOffset NotAfter,
    DateTimeOffset ReceivedAt)
{
    /// <summary>When to renew: after <paramref name="fraction"/> of the lifetime left when it arrived.</summary>
    /// <remarks>
    /// Counted from receipt rather than NotBefore: Citadel back-dates NotBefore for clock skew, which
    /// would make a short-lived certificate due for renewal the moment it arrives.
    /// </remarks>
    public DateTimeOffset RenewAt(double fraction) => ReceivedAt + ((NotAfter - ReceivedAt) * fraction);
}
