using System.Formats.Asn1;
using System.Security.Cryptography;
using ControlPlane.Citadel.Authority;
using ControlPlane.Citadel.Tests.Support;
using ControlPlane.TestSupport;

namespace ControlPlane.Citadel.Tests.Authority;

/// <summary>The direct-DER CSR reader against CSRs made by openssl and by .NET.</summary>
public sealed class CsrParserTests
{
    private const string Id = "spiffe://cluster.local/ns/default/sa/reviews";

    [Theory]
    [InlineData("P-256", 256)]
    [InlineData("P-384", 384)]
    public async Task Parse_OpenSslEcCsrWithUriSan_ReturnsTheKeyAndTheUri(string curve, int size)
    {
        var dir = TempDirectory.Create("csr");
        await OpenSsl.SucceedAsync(dir, "req", "-new", "-newkey", "ec", "-pkeyopt", $"ec_paramgen_curve:{curve}", "-nodes",
            "-keyout", "key.pem", "-out", "csr.pem", "-subj", "/O=ignored", "-addext", $"subjectAltName=URI:{Id}");
        await OpenSsl.SucceedAsync(dir, "pkey", "-in", "key.pem", "-pubout", "-outform", "DER", "-out", "pub.der");

        var csr = CsrParser.Parse(File.ReadAllText(Path.Combine(dir, "csr.pem")));

        Assert.Equal(CsrKeyKind.Ec, csr.KeyKind);
        Assert.Equal(size, csr.KeySize);
        Assert.Equal([Id], csr.UriNames);
        Assert.Empty(csr.DnsNames);
        Assert.Equal(File.ReadAllBytes(Path.Combine(dir, "pub.der")), csr.SubjectPublicKeyInfo.ToArray());
    }

    [Fact]
    public async Task Parse_Ed25519Csr_IsRefusedAsAnUnsupportedKey()
    {
        var dir = TempDirectory.Create("csr-ed25519");
        await OpenSsl.SucceedAsync(dir, "req", "-new", "-newkey", "ed25519", "-nodes", "-keyout", "key.pem", "-out", "csr.pem", "-subj", "/O=x");

        var error = Assert.Throws<InvalidCsrException>(() => CsrParser.Parse(File.ReadAllText(Path.Combine(dir, "csr.pem"))));

        Assert.Contains("unsupported key algorithm 1.3.101.112", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CertificateInsteadOfCsr_SaysWhatThePemBlockIs()
    {
        var error = Assert.Throws<InvalidCsrException>(() => CsrParser.Parse("-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----\n"));

        Assert.Contains("'CERTIFICATE'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MultipleNames_ReportsEveryKind()
    {
        var csr = CsrParser.Parse(Csr.EcWithDns(Id, "reviews.default.svc"));

        Assert.Equal([Id], csr.UriNames);
        Assert.Equal(["reviews.default.svc"], csr.DnsNames);
    }

    [Fact]
    public void VerifyManaged_AgreesWithTheNativePathOnValidAndTamperedSignatures()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var data = RandomNumberGenerator.GetBytes(200);
        var signature = key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        var spki = key.ExportSubjectPublicKeyInfo();
        var tampered = (byte[])signature.Clone();
        tampered[^1] ^= 1;

        Assert.True(CsrSignature.VerifyManaged(spki, data, HashAlgorithmName.SHA256, signature));
        Assert.False(CsrSignature.VerifyManaged(spki, data, HashAlgorithmName.SHA256, tampered));
        Assert.Equal(CsrKeyKind.Ec, CsrSignature.Verify(spki, data, Oids.EcdsaSha256, signature).Kind);
        Assert.Throws<InvalidCsrException>(() => CsrSignature.Verify(spki, data, Oids.EcdsaSha256, tampered));
    }

    [Fact]
    public void Verify_PointNotOnTheCurve_IsRefused()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var spki = key.ExportSubjectPublicKeyInfo();
        spki[^1] ^= 1; // last byte of Y: the point leaves the curve
        var data = RandomNumberGenerator.GetBytes(32);
        var signature = key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

        var error = Assert.Throws<InvalidCsrException>(() => CsrSignature.Verify(spki, data, Oids.EcdsaSha256, signature));

        Assert.Contains("public key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TrailingGarbageAfterTheRequest_IsNotValidDer()
    {
        var (pem, key) = Csr.Ec(Id);
        using var _ = key;
        var der = Convert.FromBase64String(string.Concat(pem.Split('\n').Where(l => !l.StartsWith("-----", StringComparison.Ordinal))));
        var writer = new AsnWriter(AsnEncodingRules.DER);
        writer.WriteEncodedValue(der);
        writer.WriteNull();

        var error = Assert.Throws<InvalidCsrException>(() => CsrParser.ParseDer(writer.Encode()));

        Assert.Contains("not valid DER", error.Message, StringComparison.Ordinal);
    }
}
