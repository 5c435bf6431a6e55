using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ControlPlane.Agent.Certificates;
using ControlPlane.TestSupport;

namespace ControlPlane.Agent.Tests.Certificates;

/// <summary>
/// Property-style: while pairs are rewritten as fast as possible, a reader only ever sees whole
/// files (temporary file and rename), and a reader that does what gRPC's file watchers do (read the
/// pair, check the key matches the certificate, read again if not) always gets a matching pair.
/// </summary>
public sealed class CertificateFileWriterTests
{
    [Fact]
    public async Task Write_RepeatedWhileAReaderReads_TheReaderNeverSeesATornFileAndAlwaysGetsAMatchingPair()
    {
        var directory = TempDirectory.Create("agent-files");
        var pairs = Enumerable.Range(0, 20).Select(_ => Pair()).ToList();
        CertificateFileWriter.Write(directory, pairs[0]);
        using var stop = new CancellationTokenSource();
        var reads = 0;
        var unmatched = 0;

        var reader = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var matched = false;
                for (var attempt = 0; attempt < 100 && !matched; attempt++)
                {
                    var key = File.ReadAllText(Path.Combine(directory, "key.pem"));
                    var chain = File.ReadAllText(Path.Combine(directory, "cert-chain.pem"));
                    // Each file is whole: both parse (a torn file would throw and fail the test).
                    using var certificate = X509Certificate2.CreateFromPem(chain);
                    using var ecdsa = ECDsa.Create();
                    ecdsa.ImportFromPem(key);
                    matched = Matches(certificate, ecdsa);
                }

                Interlocked.Increment(ref reads);
                if (!matched)
                {
                    Interlocked.Increment(ref unmatched);
                }
            }
        });

        for (var round = 0; round < 300; round++)
        {
            CertificateFileWriter.Write(directory, pairs[round % pairs.Count]);
            // Renewals are minutes apart; a few milliseconds between them is still far denser.
            await Task.Delay(3);
        }

        await stop.CancelAsync();
        await reader.WaitAsync(TimeSpan.FromSeconds(30));
        var last = pairs[299 % pairs.Count];
        Assert.True(reads > 0, "the reader read nothing");
        Assert.Equal(0, unmatched);
        Assert.Equal(last.PrivateKeyPem, await File.ReadAllTextAsync(Path.Combine(directory, "key.pem")).WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(last.CertificateChainPem, await File.ReadAllTextAsync(Path.Combine(directory, "cert-chain.pem")).WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Empty(Directory.GetFiles(directory, "*.tmp"));
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void Write_KeyFile_IsReadableByItsOwnerOnly()
    {
        var directory = TempDirectory.Create("agent-files");

        CertificateFileWriter.Write(directory, Pair());

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(directory, "key.pem")));
    }

    private static bool Matches(X509Certificate2 certificate, ECDsa key)
    {
        using var publicKey = certificate.GetECDsaPublicKey()!;
        return publicKey.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(key.ExportSubjectPublicKeyInfo());
    }

    private static WorkloadCertificate Pair()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=test", key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddHours(1));
        return new WorkloadCertificate(key.ExportPkcs8PrivateKeyPem() + "\n", certificate.ExportCertificatePem() + "\n", certificate.ExportCertificatePem() + "\n",
            string.Empty, certificate.SerialNumber, certificate.NotAfter, DateTimeOffset.UtcNow);
    }
}
