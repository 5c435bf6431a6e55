using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ControlPlane.Citadel.Authority.Native;

namespace ControlPlane.Citadel.Authority;

/// <summary>
/// The certificate and key that sign leaves, with the chain above it (itself first, the root
/// last) and the pieces every leaf repeats, encoded once: issuer name, signature algorithm,
/// authority key identifier.
/// </summary>
internal sealed class SigningAuthority : IDisposable
{
    private readonly ThreadLocal<AsymmetricAlgorithm> _signers;
    private readonly ThreadLocal<NativeEcKey>? _nativeSigners;

    public SigningAuthority(X509Certificate2 certificate, AsymmetricAlgorithm key, IReadOnlyList<X509Certificate2> chain)
    {
        Certificate = certificate;
        Key = key;
        Chain = chain;
        ChainPem = [.. chain.Select(c => c.ExportCertificatePem())];
        IssuerName = certificate.SubjectName.RawData;
        var pkcs8 = key.ExportPkcs8PrivateKey();
        (SignatureAlgorithm, Hash) = SignatureFor(key);
        AuthorityKeyIdentifier = SubjectKeyIdentifierOf(certificate) is { } ski
            ? X509AuthorityKeyIdentifierExtension.CreateFromSubjectKeyIdentifier(ski).RawData
            : null;
        _signers = new ThreadLocal<AsymmetricAlgorithm>(() => Clone(key, pkcs8), trackAllValues: true);
        if (key is ECDsa { KeySize: 256 or 384 } ec && LibCrypto.IsAvailable)
        {
            var parameters = ec.ExportParameters(includePrivateParameters: true);
            var nid = ec.KeySize == 256 ? LibCrypto.NidP256 : LibCrypto.NidP384;
            byte[] point = [0x04, .. parameters.Q.X!, .. parameters.Q.Y!];
            var scalar = parameters.D!;
            _nativeSigners = new ThreadLocal<NativeEcKey>(
                () =>
                {
                    var native = new NativeEcKey(nid);
                    native.SetPrivateKey(scalar);
                    native.SetPublicKey(point);
                    return native;
                },
                trackAllValues: true);
        }
    }

    /// <summary>The certificate that signs leaves: the root in self-signed mode, the intermediate in plug-in mode.</summary>
    public X509Certificate2 Certificate { get; }

    public AsymmetricAlgorithm Key { get; }

    /// <summary>The signing certificate followed by any intermediates and the root.</summary>
    public IReadOnlyList<X509Certificate2> Chain { get; }

    /// <summary><see cref="Chain"/> as PEM strings, appended after each leaf.</summary>
    public IReadOnlyList<string> ChainPem { get; }

    public X509Certificate2 Root => Chain[^1];

    public byte[] IssuerName { get; }

    /// <summary>The DER AlgorithmIdentifier of the signatures this authority makes.</summary>
    public byte[] SignatureAlgorithm { get; }

    public HashAlgorithmName Hash { get; }

    /// <summary>The extnValue of the leaves' authorityKeyIdentifier extension, if the CA has a subject key id.</summary>
    public byte[]? AuthorityKeyIdentifier { get; }

    /// <summary>Signs <paramref name="data"/> with the CA key; safe to call from many threads at once.</summary>
    public byte[] Sign(ReadOnlySpan<byte> data)
    {
        if (_nativeSigners is not null)
        {
            Span<byte> digest = stackalloc byte[64];
            var length = Hash == HashAlgorithmName.SHA256 ? SHA256.HashData(data, digest) : SHA384.HashData(data, digest);
            return _nativeSigners.Value!.Sign(digest[..length]);
        }

        return SignManaged(data);
    }

    private byte[] SignManaged(ReadOnlySpan<byte> data) => _signers.Value switch
    {
        ECDsa ec => ec.SignData(data, Hash, DSASignatureFormat.Rfc3279DerSequence),
        RSA rsa => rsa.SignData(data.ToArray(), Hash, RSASignaturePadding.Pkcs1),
        _ => throw new InvalidOperationException("unsupported CA key"),
    };

    public void Dispose()
    {
        foreach (var signer in _signers.Values)
        {
            signer.Dispose();
        }

        _signers.Dispose();
        if (_nativeSigners is not null)
        {
            foreach (var signer in _nativeSigners.Values)
            {
                signer.Dispose();
            }

            _nativeSigners.Dispose();
        }
    }

    private static AsymmetricAlgorithm Clone(AsymmetricAlgorithm key, byte[] pkcs8)
    {
        AsymmetricAlgorithm copy = key is ECDsa ? ECDsa.Create() : RSA.Create();
        copy.ImportPkcs8PrivateKey(pkcs8, out _);
        return copy;
    }

    private static (byte[] AlgorithmIdentifier, HashAlgorithmName Hash) SignatureFor(AsymmetricAlgorithm key) => key switch
    {
        ECDsa { KeySize: <= 256 } => (AlgorithmIdentifier(Oids.EcdsaSha256, withNullParameters: false), HashAlgorithmName.SHA256),
        ECDsa { KeySize: <= 384 } => (AlgorithmIdentifier(Oids.EcdsaSha384, withNullParameters: false), HashAlgorithmName.SHA384),
        ECDsa => (AlgorithmIdentifier(Oids.EcdsaSha512, withNullParameters: false), HashAlgorithmName.SHA512),
        RSA => (AlgorithmIdentifier(Oids.RsaSha256, withNullParameters: true), HashAlgorithmName.SHA256),
        _ => throw new InvalidOperationException($"unsupported CA key type {key.GetType().Name}"),
    };

    private static byte[] AlgorithmIdentifier(string oid, bool withNullParameters)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(oid);
            if (withNullParameters)
            {
                writer.WriteNull();
            }
        }

        return writer.Encode();
    }

    private static byte[]? SubjectKeyIdentifierOf(X509Certificate2 certificate) =>
        certificate.Extensions.OfType<X509SubjectKeyIdentifierExtension>().FirstOrDefault()?.SubjectKeyIdentifierBytes.ToArray();
}
