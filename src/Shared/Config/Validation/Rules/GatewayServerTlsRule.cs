using ControlPlane.Shared.Config.Validation.Checks;
using ControlPlane.Shared.Config;
using Istio.Networking.V1Alpha3;
using Mode = Istio.Networking.V1Alpha3.ServerTLSSettings.Types.TLSmode;

namespace ControlPlane.Shared.Config.Validation.Rules;

/// <summary>
/// Gateway server TLS: HTTPS/TLS ports need TLS settings and plain ports must not have them
/// (beyond an HTTP redirect); SIMPLE and MUTUAL need a credential (credentialName or
/// certificate and key; MUTUAL also a CA); ISTIO_MUTUAL takes none; one certificate source.
/// </summary>
internal sealed class GatewayServerTlsRule() : ValidationRule<Gateway>(ConfigKinds.Gateway)
{
    protected override void Validate(Gateway spec, ValidationContext context)
    {
        for (var i = 0; i < spec.Servers.Count; i++)
        {
            var server = spec.Servers[i];
            var path = $"spec.servers[{i}].tls";
            if (server.Port is { } port && Ports.IsKnownProtocol(port.Protocol))
            {
                if (Ports.IsTls(port.Protocol) && server.Tls is null)
                {
                    context.Error(path, "server must have TLS settings for HTTPS/TLS protocols");
                }
                else if (!Ports.IsTls(port.Protocol) && server.Tls is { } plain)
                {
                    if (!Ports.IsHttp(port.Protocol))
                    {
                        context.Error(path, "server cannot have TLS settings for non HTTPS/TLS ports");
                    }
                    else if (plain.CaCertificates.Length > 0 || plain.PrivateKey.Length > 0 || plain.ServerCertificate.Length > 0)
                    {
                        context.Error(path, "server cannot have TLS settings for plain text HTTP ports");
                    }
                }

                if (!Ports.IsHttp(port.Protocol) && server.Tls?.HttpsRedirect == true)
                {
                    context.Warning($"{path}.httpsRedirect", "tls.httpsRedirect should only be used with http servers");
                }
            }

            if (server.Tls is { } tls)
            {
                Check(path, tls, context);
            }
        }
    }

    private static void Check(string path, ServerTLSSettings tls, ValidationContext context)
    {
        if (tls.Mode == Mode.IstioMutual)
        {
            Forbidden(tls.ServerCertificate.Length > 0, "serverCertificate", "server certificate");
            Forbidden(tls.PrivateKey.Length > 0, "privateKey", "private key");
            Forbidden(tls.CaCertificates.Length > 0, "caCertificates", "CA bundle");
            Forbidden(tls.TlsCertificates.Count > 0, "tlsCertificates", "tlsCertificates");
            Forbidden(tls.CredentialName.Length > 0, "credentialName", "credentialName");
            Forbidden(tls.CredentialNames.Count > 0, "credentialNames", "credentialNames");
            return;
        }

        var sources = (tls.ServerCertificate.Length > 0 && tls.PrivateKey.Length > 0 ? 1 : 0) + (tls.CredentialName.Length > 0 ? 1 : 0)
            + (tls.CredentialNames.Count > 0 ? 1 : 0) + (tls.TlsCertificates.Count > 0 ? 1 : 0);
        if (sources > 1)
        {
            context.Error(path, "only one of credential_name, credential_names, server_certificate/private_key, tls_certificates should be specified");
        }

        if (tls.Mode is Mode.Passthrough or Mode.AutoPassthrough)
        {
            if (sources > 0 || tls.CaCertificates.Length > 0 || tls.CaCrl.Length > 0)
            {
                context.Warning(path, $"{ProtoEnums.Name(tls.Mode)} mode does not use certificates, they will be ignored");
            }

            return;
        }

        var mutual = tls.Mode is Mode.Mutual or Mode.OptionalMutual;
        var prefix = mutual ? "MUTUAL TLS" : "SIMPLE TLS";
        if (tls.CaCrl.Length > 0 && tls.CredentialName.Length > 0)
        {
            context.Error($"{path}.caCrl", "CRL is not supported with credentialName. CRL has to be specified in the credential");
        }
        else if (tls.CaCrl.Length > 0 && tls.Mode == Mode.Simple)
        {
            context.Error($"{path}.caCrl", "CRL is not supported with SIMPLE TLS");
        }

        // A credentialName fetches certificate, key and CA remotely (SDS).
        if (tls.CredentialName.Length > 0 || tls.CredentialNames.Count > 0)
        {
            return;
        }

        if (mutual && tls.CaCertificates.Length == 0)
        {
            context.Error($"{path}.caCertificates", $"{prefix} requires a client CA bundle");
        }

        if (tls.TlsCertificates.Count > 0)
        {
            for (var c = 0; c < tls.TlsCertificates.Count; c++)
            {
                RequireCertificate($"{path}.tlsCertificates[{c}]", tls.TlsCertificates[c].ServerCertificate, tls.TlsCertificates[c].PrivateKey);
            }
        }
        else
        {
            RequireCertificate(path, tls.ServerCertificate, tls.PrivateKey);
        }

        void RequireCertificate(string at, string certificate, string key)
        {
            if (certificate.Length == 0)
            {
                context.Error($"{at}.serverCertificate", $"{prefix} requires a server certificate");
            }

            if (key.Length == 0)
            {
                context.Error($"{at}.privateKey", $"{prefix} requires a private key");
            }
        }

        void Forbidden(bool present, string field, string what)
        {
            if (present)
            {
                context.Error($"{path}.{field}", $"ISTIO_MUTUAL TLS cannot have associated {what}");
            }
        }
    }
}
