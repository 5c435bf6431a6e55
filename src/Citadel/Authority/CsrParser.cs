using System.Formats.Asn1;
using System.Security.Cryptography;


namespace ControlPlane.Citadel.Authority;

/// <summary>
/// Reads a PKCS#10 certificate request (RFC 2986) directly from its DER, taking only the public
/// key and the requested subject alternative names, then verifies its signature. Going straight
/// to the bytes, rather than through certificate objects, is what keeps issuance cheap.
/// </summary>
internal static class CsrParser
{
    private static readonly Asn1Tag AttributesTag = new(TagClass.ContextSpecific, 0, isConstructed: true);

    /// <summary>Parses and verifies a PEM CSR; throws <see cref="InvalidCsrException"/> saying what is wrong.</summary>
    public static ParsedCsr Parse(string pem)
    {
        if (string.IsNullOrWhiteSpace(pem))
        {
            throw new InvalidCsrException("the CSR is empty");
        }

        if (!PemEncoding.TryFind(pem, out var fields))
        {
            throw new InvalidCsrException("the CSR is not PEM encoded");
        }

        var label = pem.AsSpan()[fields.Label];
        if (!label.SequenceEqual("CERTIFICATE REQUEST") && !label.SequenceEqual("NEW CERTIFICATE REQUEST"))
        {
            throw new InvalidCsrException($"the PEM block is a '{label}', not a 'CERTIFICATE REQUEST'");
        }

        var der = new byte[fields.DecodedDataLength];
        if (!Convert.TryFromBase64Chars(pem.AsSpan()[fields.Base64Data], der, out _))
        {
            throw new InvalidCsrException("the CSR's base64 is malformed");
        }

        return ParseDer(der);
    }

    /// <summary>Parses and verifies a DER CSR.</summary>
    public static ParsedCsr ParseDer(ReadOnlyMemory<byte> der)
    {
        try
        {
            return Read(der);
        }
        catch (AsnContentException e)
        {
            throw new InvalidCsrException($"the CSR is not valid DER: {e.Message}");
        }
    }

    private static ParsedCsr Read(ReadOnlyMemory<byte> der)
    {
        var outer = new AsnReader(der, AsnEncodingRules.DER);
        var request = outer.ReadSequence();
        outer.ThrowIfNotEmpty();

        var info = request.ReadEncodedValue();
        var signatureAlgorithm = request.ReadSequence();
        var signatureOid = signatureAlgorithm.ReadObjectIdentifier();
        var signature = request.ReadBitString(out var unusedBits);
        request.ThrowIfNotEmpty();
        if (unusedBits != 0)
        {
            throw new InvalidCsrException("the CSR's signature has unused bits");
        }

        var infoReader = new AsnReader(info, AsnEncodingRules.DER).ReadSequence();
        if (!infoReader.TryReadInt32(out var version) || version != 0)
        {
            throw new InvalidCsrException("the CSR's version must be 1 (encoded 0)");
        }

        infoReader.ReadEncodedValue(); // subject: ignored, the identity comes from the caller
        var publicKeyInfo = infoReader.ReadEncodedValue();
        var names = infoReader.HasData ? ReadRequestedNames(infoReader.ReadSetOf(true, AttributesTag)) : RequestedNames.None;

        var (kind, keySize) = CsrSignature.Verify(publicKeyInfo, info, signatureOid, signature);
        return new ParsedCsr(publicKeyInfo, kind, keySize, names.Uris, names.Dns, names.Other);
    }

    private static RequestedNames ReadRequestedNames(AsnReader attributes)
    {
        var names = RequestedNames.None;
        while (attributes.HasData)
        {
            var attribute = attributes.ReadSequence();
            if (attribute.ReadObjectIdentifier() != Oids.ExtensionRequest)
            {
                continue;
            }

            var values = attribute.ReadSetOf(true);
            while (values.HasData)
            {
                var extensions = values.ReadSequence();
                while (extensions.HasData)
                {
                    var extension = extensions.ReadSequence();
                    var oid = extension.ReadObjectIdentifier();
                    if (extension.PeekTag().HasSameClassAndValue(Asn1Tag.Boolean))
                    {
                        extension.ReadBoolean();
                    }

                    var value = extension.ReadOctetString();
                    if (oid == Oids.SubjectAltName)
                    {
                        names = ReadGeneralNames(value);
                    }
                }
            }
        }

        return names;
    }

    private static RequestedNames ReadGeneralNames(byte[] value)
    {
        var uris = new List<string>(1);
        var dns = new List<string>();
        var other = new List<string>();
        var sequence = new AsnReader(value, AsnEncodingRules.DER).ReadSequence();
        while (sequence.HasData)
        {
            var tag = sequence.PeekTag();
            if (tag.TagClass == TagClass.ContextSpecific && tag.TagValue == 6)
            {
                uris.Add(sequence.ReadCharacterString(UniversalTagNumber.IA5String, tag));
            }
            else if (tag.TagClass == TagClass.ContextSpecific && tag.TagValue == 2)
            {
                dns.Add(sequence.ReadCharacterString(UniversalTagNumber.IA5String, tag));
            }
            else
            {
                other.Add(DescribeOtherName(tag, sequence.ReadEncodedValue().Span));
            }
        }

        return new RequestedNames(uris, dns, other);
    }

    private static string DescribeOtherName(Asn1Tag tag, ReadOnlySpan<byte> encoded) => tag.TagValue switch
    {
        1 => "email",
        7 => "IP address",
        _ => $"name of kind [{tag.TagValue}] ({Convert.ToHexString(encoded[..Math.Min(encoded.Length, 16)])})",
    };

    private sealed record RequestedNames(IReadOnlyList<string> Uris, IReadOnlyList<string> Dns, IReadOnlyList<string> Other)
    {
        public static readonly RequestedNames None = new([], [], []);
    }
}
