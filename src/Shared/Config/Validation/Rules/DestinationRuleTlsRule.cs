using ControlPlane.Shared.Config;
using Istio.Networking.V1Alpha3;

namespace ControlPlane.Shared.Config.Validation.Rules;

/// <summary>
/// Client TLS settings: MUTUAL needs a client certificate and key unless a credentialName gives
/// them; a credentialName excludes inline files; insecureSkipVerify excludes CA and SANs.
/// </summary>
internal sealed class DestinationRuleTlsRule() : ValidationRule<DestinationRule>(ConfigKinds.DestinationRule)
{
    protected override void Validate(DestinationRule spec, ValidationContext context)
    {
        foreach (var settings in PolicySettings.Of(spec))
        {
            if (settings.Tls is { } tls)
            {
                Check($"{settings.Path}.tls", tls, context);
            }
        }
    }

    private static void Check(string path, ClientTLSSettings tls, ValidationContext context)
    {
        var mode = tls.Mode;
        if (tls.InsecureSkipVerify == true)
        {
            if (mode == ClientTLSSettings.Types.TLSmode.Simple && (tls.CaCertificates.Length > 0 || tls.CredentialName.Length > 0 || tls.SubjectAltNames.Count > 0))
            {
                context.Error($"{path}.insecureSkipVerify", "cannot specify CaCertificates or CredentialName or SubjectAltNames when InsecureSkipVerify is set true");
            }

            if (mode == ClientTLSSettings.Types.TLSmode.Mutual && (tls.CaCertificates.Length > 0 || tls.SubjectAltNames.Count > 0))
            {
                context.Error($"{path}.insecureSkipVerify", "cannot specify CaCertificates or SubjectAltNames when InsecureSkipVerify is set true");
            }
        }

        var usesFiles = mode is ClientTLSSettings.Types.TLSmode.Simple or ClientTLSSettings.Types.TLSmode.Mutual;
        if (usesFiles && tls.CredentialName.Length > 0)
        {
            if (tls.ClientCertificate.Length > 0 || tls.CaCertificates.Length > 0 || tls.PrivateKey.Length > 0 || tls.CaCrl.Length > 0)
            {
                context.Error($"{path}.credentialName", "cannot specify client certificates or CA certificate or CA CRL If credentialName is set");
            }

            return;
        }

        if (mode == ClientTLSSettings.Types.TLSmode.Mutual)
        {
            if (tls.ClientCertificate.Length == 0)
            {
                context.Error($"{path}.clientCertificate", "client certificate required for mutual tls");
            }

            if (tls.PrivateKey.Length == 0)
            {
                context.Error($"{path}.privateKey", "private key required for mutual tls");
            }
        }
    }
}
