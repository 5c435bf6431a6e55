using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ControlPlane.Citadel.Authority;

/// <summary>
/// Writes an X.509-SVID leaf (https://github.com/spiffe/spiffe/blob/main/standards/X509-SVID.md)
/// as DER straight from its parts: empty subject, exactly one URI SAN (critical, since the subject
/// is empty, per RFC 5280 4.2.1.6), not a CA, digitalSignature (+ keyEncipherment for RSA keys),
/// serverAuth and clientAuth, and a random 128-bit serial. The fixed extensions are encoded once.
/// </summary>
internal static class LeafCertificateWriter
{
    private static readonly byte[] EmptyName = [0x30, 0x00];
    private static readonly byte[] BasicConstraints = new X509BasicConstraintsExtension(false, false, 0, true).RawData;
    private static readonly byte[] EcKeyUsage = new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true).RawData;
    private static readonly byte[] RsaKeyUsage = new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true).RawData;
    private static readonly byte[] ExtendedKeyUsage = new X509EnhancedKeyUsageExtension([new Oid(Oids.ServerAuth), new Oid(Oids.ClientAuth)], false).RawData;

    /// <summary>Builds and signs the leaf; returns its DER.</summary>
    public static byte[] Write(SigningAuthority authority, LeafSpec leaf)
    {
        var tbs = WriteTbs(authority, leaf);
        var signature = authority.Sign(tbs);
        var writer = new AsnWriter(AsnEncodingRules.DER, initialCapacity: tbs.Length + signature.Length + 32);
        using (writer.PushSequence())
        {
            writer.WriteEncodedValue(tbs);
            writer.WriteEncodedValue(authority.SignatureAlgorithm);
            writer.WriteBitString(signature);
        }

        return writer.Encode();
    }

    private static byte[] WriteTbs(SigningAuthority authority, LeafSpec leaf)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER, initialCapacity: 512);
        using (writer.PushSequence())
        {
            using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true)))
            {
                writer.WriteInteger(2);
            }

            writer.WriteInteger(RandomSerial());
            writer.WriteEncodedValue(authority.SignatureAlgorithm);
            writer.WriteEncodedValue(authority.IssuerName);
            using (writer.PushSequence())
            {
                WriteTime(writer, leaf.NotBefore);
                WriteTime(writer, leaf.NotAfter);
            }

            writer.WriteEncodedValue(EmptyName);
            writer.WriteEncodedValue(leaf.SubjectPublicKeyInfo.Span);
            using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 3, isConstructed: true)))
            using (writer.PushSequence())
            {
                WriteExtension(writer, "2.5.29.19", critical: true, BasicConstraints);
                WriteExtension(writer, "2.5.29.15", critical: true, leaf.KeyKind == CsrKeyKind.Rsa ? RsaKeyUsage : EcKeyUsage);
                WriteExtension(writer, "2.5.29.37", critical: false, ExtendedKeyUsage);
                if (authority.AuthorityKeyIdentifier is { } aki)
                {
                    WriteExtension(writer, "2.5.29.35", critical: false, aki);
                }

                WriteExtension(writer, Oids.SubjectAltName, critical: true, SubjectAltNames(leaf));
            }
        }

        return writer.Encode();
    }

    private static byte[] SubjectAltNames(LeafSpec leaf)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER, initialCapacity: 128);
        using (writer.PushSequence())
        {
            foreach (var dns in leaf.DnsNames)
            {
                writer.WriteCharacterString(UniversalTagNumber.IA5String, dns, new Asn1Tag(TagClass.ContextSpecific, 2));
            }

            writer.WriteCharacterString(UniversalTagNumber.IA5String, leaf.Identity.ToString(), new Asn1Tag(TagClass.ContextSpecific, 6));
            foreach (var ip in leaf.IpAddresses)
            {
                writer.WriteOctetString(ip.GetAddressBytes(), new Asn1Tag(TagClass.ContextSpecific, 7));
            }
        }

        return writer.Encode();
    }

    private static void WriteExtension(AsnWriter writer, string oid, bool critical, ReadOnlySpan<byte> value)
    {
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(oid);
            if (critical)
            {
                writer.WriteBoolean(true);
            }

            writer.WriteOctetString(value);
        }
    }

    // RFC 5280 4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050, always whole seconds.
    private static void WriteTime(AsnWriter writer, DateTimeOffset time)
    {
        var seconds = new DateTimeOffset(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        if (seconds.Year < 2050)
        {
            writer.WriteUtcTime(seconds);
        }
        else
        {
            writer.WriteGeneralizedTime(seconds, omitFractionalSeconds: true);
        }
    }

    // 128 random bits with the top bit clear (a positive INTEGER) and the next set (no leading zero byte).
    private static ReadOnlySpan<byte> RandomSerial()
    {
        var serial = new byte[16];
        RandomNumberGenerator.Fill(serial);
        serial[0] = (byte)((serial[0] & 0x7F) | 0x40);
        return serial;
    }
}
