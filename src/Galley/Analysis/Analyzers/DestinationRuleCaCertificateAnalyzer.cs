using ControlPlane.Shared.Config;
using Istio.Networking.V1Alpha3;
using TlsMode = Istio.Networking.V1Alpha3.ClientTLSSettings.Types.TLSmode;

namespace ControlPlane.Galley.Analysis.Analyzers;

/// <summary>
/// IST0128 / IST0129: TLS mode SIMPLE or MUTUAL without <c>caCertificates</c> (for the whole rule
/// or one port), so the server's certificate is not verified. A <c>credentialName</c> on a rule
/// with a workload selector (a gateway's rule) carries the CA and is fine, as in Istio.
/// </summary>
internal sealed class DestinationRuleCaCertificateAnalyzer : IAnalyzer
{
    public string Name => "destinationrule.CaCertificateAnalyzer";

    public string Description => "Checks if DestinationRules with TLS SIMPLE or MUTUAL verify the server certificate (caCertificates)";

    public IEnumerable<ConfigDiagnostic> Analyze(AnalysisContext context)
    {
        foreach (var dr in context.OfKind(ConfigKinds.DestinationRule))
        {
            var rule = dr.SpecAs<DestinationRule>();
            if (Unverified(rule.TrafficPolicy?.Tls, rule) is { } mode)
            {
                yield return AnalysisMessages.NoServerCertificateVerificationDestinationLevel(dr, mode, rule.Host);
            }

            var ports = rule.TrafficPolicy?.PortLevelSettings ?? [];
            for (var i = 0; i < ports.Count; i++)
            {
                if (Unverified(ports[i].Tls, rule) is { } portMode)
                {
                    // Go prints the PortSelector message in text form: number:443.
                    var port = ports[i].Port is { } p ? $"number:{p.Number}" : string.Empty;
                    yield return AnalysisMessages.NoServerCertificateVerificationPortLevel(
                        dr, $"spec.trafficPolicy.portLevelSettings[{i}].tls", portMode, rule.Host, port);
                }
            }
        }
    }

    private static string? Unverified(ClientTLSSettings? tls, DestinationRule rule)
    {
        if (tls is null || (tls.Mode != TlsMode.Simple && tls.Mode != TlsMode.Mutual))
        {
            return null;
        }

        var verified = tls.CaCertificates.Length > 0 || (tls.CredentialName.Length > 0 && rule.WorkloadSelector is not null);
        return verified ? null : tls.Mode == TlsMode.Simple ? "SIMPLE" : "MUTUAL";
    }
}
