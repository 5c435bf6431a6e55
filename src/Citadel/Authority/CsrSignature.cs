using System.Formats.Asn1;
using System.Security.Cryptography;
using ControlPlane.Citadel.Authority.Native;

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
            Oids.EcPublicKey => VerifyEc(algorithm, spki.ReadBitString(out _), publicKeyInfo, signedInfo, signatureOid, signature),
            Oids.RsaEncryption => VerifyRsa(publicKeyInfo, signedInfo, signatureOid, signature),
            _ => throw new InvalidCsrException($"unsupported key algorithm {keyOid}: use ECDSA P-256 or P-384, or RSA of 2048 bits or more"),
        };
    }

    private static (CsrKeyKind, int) VerifyEc(AsnReader algorithm, byte[] point, ReadOnlyMemory<byte> publicKeyInfo, ReadOnlyMemory<byte> signedInfo, string signatureOid, byte[] signature)
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

        var valid = LibCrypto.IsAvailable
            ? VerifyNative(size, point, signedInfo.Span, hash, signature)
            : VerifyManaged(publicKeyInfo.Span, signedInfo.Span, hash, signature);
        if (!valid)
        {
            throw new InvalidCsrException("the CSR's signature does not verify with its public key");
        }

        return (CsrKeyKind.Ec, size);
    }

    private static bool VerifyNative(int size, byte[] point, ReadOnlySpan<byte> signedInfo, HashAlgorithmName hash, byte[] signature)
    {
        var key = size == 256 ? VerifierCache.NativeP256 : VerifierCache.NativeP384;
        if (!key.SetPublicKey(point))
        {
            throw new InvalidCsrException("the CSR's EC public key is not a point on its curve");
        }

        Span<byte> digest = stackalloc byte[64];
        var length = hash == HashAlgorithmName.SHA256 ? SHA256.HashData(signedInfo, digest)
            : hash == HashAlgorithmName.SHA384 ? SHA384.HashData(signedInfo, digest)
            : SHA512.HashData(signedInfo, digest);
        return key.Verify(digest[..length], signature);
    }

    internal static bool VerifyManaged(ReadOnlySpan<byte> publicKeyInfo, ReadOnlySpan<byte> signedInfo, HashAlgorithmName hash, byte[] signature)
    {
        var key = VerifierCache.Ec;
        try
        {
            key.ImportSubjectPublicKeyInfo(publicKeyInfo, out _);
        }
        catch (CryptographicException e)
        {
            throw new InvalidCsrException($"the CSR's EC public key is malformed: {e.Message}");
        }

        return key.VerifyData(signedInfo, signature, hash, DSASignatureFormat.Rfc3279DerSequence);
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

        [ThreadStatic]
        private static NativeEcKey? _nativeP256;

        [ThreadStatic]
        private static NativeEcKey? _nativeP384;

        public static NativeEcKey NativeP256 => _nativeP256 ??= new NativeEcKey(LibCrypto.NidP256);

        public static NativeEcKey NativeP384 => _nativeP384 ??= new NativeEcKey(LibCrypto.NidP384);

        public static ECDsa Ec => _ec ??= ECDsa.Create();

        public static RSA Rsa => _rsa ??= RSA.Create();
    }
}
