using System.Formats.Asn1;
using System.Security.Cryptography.X509Certificates;

namespace ControlPlane.Shared.Identity;

/// <summary>The URI names (SPIFFE ids) in a certificate's subject alternative name extension.</summary>
public static class CertificateUris
{
    private const string SubjectAltNameOid = "2.5.29.17";

    public static List<string> Of(X509Certificate2 certificate)
    {
        var names = new List<string>();
        var san = certificate.Extensions[SubjectAltNameOid];
        if (san is null)
        {
            return names;
        }

        var sequence = new AsnReader(san.RawData, AsnEncodingRules.DER).ReadSequence();
        while (sequence.HasData)
        {
            var tag = sequence.PeekTag();
            // GeneralName's uniformResourceIdentifier is [6] IA5String (RFC 5280, 4.2.1.6).
            if (tag.TagClass == TagClass.ContextSpecific && tag.TagValue == 6)
            {
                names.Add(sequence.ReadCharacterString(UniversalTagNumber.IA5String, tag));
            }
            else
            {
                sequence.ReadEncodedValue();
            }
        }

        return names;
    }
}
