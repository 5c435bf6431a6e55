namespace ControlPlane.Agent.Certificates;

/// <summary>The workload's current certificate, shared by the rotator (writer), readiness, metrics and the xDS proxy.</summary>
internal sealed class CertificateState
{
    private volatile WorkloadCertificate? _current;

    public WorkloadCertificate? Current => _current;

    /// <summary>Raised after a new certificate is on disk.</summary>
    public event Action<WorkloadCertificate>? Changed;

    public void Set(WorkloadCertificate certificate)
    {
        _current = certificate;
        Changed?.Invoke(certificate);
    }
}
