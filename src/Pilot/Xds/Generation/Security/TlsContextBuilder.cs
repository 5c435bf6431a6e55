using Envoy.Config.Core.V3;
using Envoy.Extensions.TransportSockets.Tls.V3;
using Envoy.Type.Matcher.V3;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace ControlPlane.Pilot.Xds.Generation.Security;

/// <summary>
/// The TLS contexts of proxyless mTLS (gRPC A29), certificates from the bootstrap's provider
/// instance: the workload certificate as <c>tls_certificate_provider_instance</c> and the mesh roots
/// as <c>validation_context.ca_certificate_provider_instance</c>, the fields grpc-js 1.14 and
/// C-core read. SANs go in <c>match_subject_alt_names</c>, which both clients check (neither reads
/// <c>match_typed_subject_alt_names</c>); a SPIFFE id is a URI SAN, which they match against.
/// </summary>
internal static class TlsContextBuilder
{
    /// <summary>A server's context: its certificate, and a client certificate required and validated against the mesh roots.</summary>
    public static DownstreamTlsContext Downstream() => new()
    {
        CommonTlsContext = Common([]),
        RequireClientCertificate = true,
    };

    /// <summary>A client's mesh context: its certificate, the server's validated against the roots and matched against <paramref name="subjectAltNames"/>.</summary>
    public static UpstreamTlsContext IstioMutual(IEnumerable<string> subjectAltNames) => new()
    {
        CommonTlsContext = Common(subjectAltNames),
    };

    /// <summary>A client's one-way context (DestinationRule <c>SIMPLE</c>): no certificate of its own, the server's validated against the roots.</summary>
    public static UpstreamTlsContext Simple(IEnumerable<string> subjectAltNames, string sni)
    {
        var common = Common(subjectAltNames);
        common.TlsCertificateProviderInstance = null;
        return new UpstreamTlsContext { CommonTlsContext = common, Sni = sni };
    }

    public static TransportSocket Socket(IMessage context) => new()
    {
        Name = CertificateProviders.TlsTransportSocketName,
        TypedConfig = Any.Pack(context),
    };

    private static CommonTlsContext Common(IEnumerable<string> subjectAltNames)
    {
        var validation = new CertificateValidationContext
        {
            CaCertificateProviderInstance = new CertificateProviderPluginInstance
            {
                InstanceName = CertificateProviders.InstanceName,
                CertificateName = CertificateProviders.RootCertificateName,
            },
        };
        validation.MatchSubjectAltNames.AddRange(subjectAltNames.Order(StringComparer.Ordinal).Select(s => new StringMatcher { Exact = s }));
        return new CommonTlsContext
        {
            TlsCertificateProviderInstance = new CertificateProviderPluginInstance
            {
                InstanceName = CertificateProviders.InstanceName,
                CertificateName = CertificateProviders.IdentityCertificateName,
            },
            ValidationContext = validation,
        };
    }
}
