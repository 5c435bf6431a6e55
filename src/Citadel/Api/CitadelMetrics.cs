using Prometheus;

namespace ControlPlane.Citadel.Api;

/// <summary>Citadel's metrics, with the names Istio's CA uses, on the host's own registry.</summary>
internal sealed class CitadelMetrics(IMetricFactory factory)
{
    public Counter CsrCount { get; } = factory.CreateCounter("citadel_server_csr_count", "The number of CSRs received by Citadel server.");

    public Counter SuccessCertIssuanceCount { get; } = factory.CreateCounter("citadel_server_success_cert_issuance_count", "The number of certificates issuances that have succeeded.");

    public Counter CsrParsingErrorCount { get; } = factory.CreateCounter("citadel_server_csr_parsing_err_count", "The number of errors occurred when parsing the CSR.");

    public Counter AuthenticationFailureCount { get; } = factory.CreateCounter("citadel_server_authentication_failure_count", "The number of authentication failures.");

    public Counter IdentityMismatchCount { get; } = factory.CreateCounter("citadel_server_id_extraction_err_count", "The number of CSRs refused because they ask for an identity that is not the caller's.");

    public Counter RootRotationCount { get; } = factory.CreateCounter("citadel_server_root_rotation_count", "The number of self-signed root rotations.");

    public Gauge RootCertExpiryTimestamp { get; } = factory.CreateGauge("citadel_server_root_cert_expiry_timestamp", "The unix timestamp, in seconds, when Citadel's signing root will expire.");
}
