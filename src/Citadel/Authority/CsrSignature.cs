using System.Formats.Asn1;
using System.Security.Cryptography;

namespace ControlPlane.Citadel.Authority;

/// <summary>
/// Checks a CSR's public key is one Citadel issues for (EC P-256/P-384, RSA 2048..8192) and that
/// the CSR is signed by it, i.e. the caller holds the private key.
/// </summary>
internal static class CsrSignature
{
    public static (CsrKeyKind Kind, int KeySize) Verify(ReadOnlyMemory<byte> publicKeyInfo, ReadOnlyMemory<byte> signedInfo, string signatureOid, byte[] signature)
    {
        var spki = new AsnReader(publicKeyInfo, AsnEncodingRules.DER).ReadSequence();
        var algorithm = spki.ReadSequence();
        var keyOid = algorithm.ReadObjectIdentifier();
        return keyOid switch
        {
            Oids.EcPublicKey => VerifyEc(algorithm, publicKeyInfo, signedInfo, signatureOid, signature),
            Oids.RsaEncryption => VerifyRsa(publicKeyInfo, signedInfo, signatureOid, signature),
            _ => throw new InvalidCsrException($"unsupported key algorithm {keyOid}: use ECDSA P-256 or P-384, or RSA of 2048 bits or more"),
        };
    }

    private static (CsrKeyKind, int) VerifyEc(AsnReader algorithm, ReadOnlyMemory<byte> publicKeyInfo, ReadOnlyMemory<byte> signedInfo, string signatureOid, byte[] signature)
    {
        var curve = algorithm.HasData && algorithm.PeekTag().HasSameClassAndValue(Asn1Tag.ObjectIdentifier)
            ? algorithm.ReadObjectIdentifier()
            : "(no named curve)";
        var size = curve switch
        {
            Oids.P256 => 256,
            Oids.P384 => 384,
            _ => throw new InvalidCsrException($"unsupported elliptic curve {curve}: use P-256 or P-384"),
        };
        var hash = signatureOid switch
        {
            Oids.EcdsaSha256 => HashAlgorithmName.SHA256,
            Oids.EcdsaSha384 => HashAlgorithmName.SHA384,
            Oids.EcdsaSha512 => HashAlgorithmName.SHA512,
            _ => throw new InvalidCsrException($"the CSR's signature algorithm {signatureOid} does not match its EC key"),
        };

        var key = VerifierCache.Ec;
        try
        {
            key.ImportSubjectPublicKeyInfo(publicKeyInfo.Span, out _);
        }
        catch (CryptographicException e)
        {
            throw new InvalidCsrException($"the CSR's EC public key is malformed: {e.Message}");
        }

        if (!key.VerifyData(signedInfo.Span, signature, hash, DSASignatureFormat.Rfc3279DerSequence))
        {
            throw new InvalidCsrException("the CSR's signature does not verify with its public key");
        }

        return (CsrKeyKind.Ec, size);
    }

    private static (CsrKeyKind, int) VerifyRsa(ReadOnlyMemory<byte> publicKeyInfo, ReadOnlyMemory<byte> signedInfo, string signatureOid, byte[] signature)
    {
        var hash = signatureOid switch
        {
            Oids.RsaSha256 => HashAlgorithmName.SHA256,
            Oids.RsaSha384 => HashAlgorithmName.SHA384,
            Oids.RsaSha512 => HashAlgorithmName.SHA512,
            _ => throw new InvalidCsrException($"the CSR's signature algorithm {signatureOid} is not RSA PKCS#1 v1.5 with SHA-256/384/512"),
        };

        var key = VerifierCache.Rsa;
        try
        {
            key.ImportSubjectPublicKeyInfo(publicKeyInfo.Span, out _);
        }
        catch (CryptographicException e)
        {
            throw new InvalidCsrException($"the CSR's RSA public key is malformed: {e.Message}");
        }

        if (key.KeySize is < 2048 or > 8192)
        {
            throw new InvalidCsrException($"RSA keys of {key.KeySize} bits are not accepted: use 2048 to 8192 bits");
        }

        if (!key.VerifyData(signedInfo.Span, signature, hash, RSASignaturePadding.Pkcs1))
        {
            throw new InvalidCsrException("the CSR's signature does not verify with its public key");
        }

        return (CsrKeyKind.Rsa, key.KeySize);
    }

    /// <summary>One reusable verifier per thread: importing into an existing object is cheaper than creating one.</summary>
    private static class VerifierCache
    {
        [ThreadStatic]
        private static ECDsa? _ec;

        [ThreadStatic]
        private static RSA? _rsa;

        public static ECDsa Ec => _ec ??= ECDsa.Create();

        public static RSA Rsa => _rsa ??= RSA.Create();
    }
}
