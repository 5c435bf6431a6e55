using ControlPlane.Citadel.Tests.Support;
using ControlPlane.Shared.Hosting;
using ControlPlane.TestSupport;

namespace ControlPlane.Citadel.Tests.Authority;

/// <summary>An intermediate CA made with openssl, plugged in as Istio's cacerts files.</summary>
public sealed class PluginModeTests
{
    private const string Details = "spiffe://cluster.local/ns/default/sa/details";

    [Fact]
    public async Task CreateCertificate_PluginIntermediate_ChainsLeafIntermediateRootAndVerifiesWithOpenSsl()
    {
        var cacerts = await MakeCacertsAsync();
        await using var citadel = await CitadelFixture.StartAsync("--plugin-cert-dir", cacerts);
        using var client = citadel.Client();

        var response = await client.CreateAsync(Csr.Ec(Details).Pem, citadel.Token("default", "details"));

        Assert.Equal(3, response.CertChain.Count);
        Assert.Equal(File.ReadAllText(Path.Combine(cacerts, "root-cert.pem")).Trim(), citadel.RootBundle.Trim());
        citadel.Write("leaf.pem", response.CertChain[0]);
        citadel.Write("intermediate.pem", response.CertChain[1]);
        citadel.Write("root.pem", response.CertChain[2]);
        Assert.Equal(File.ReadAllText(Path.Combine(cacerts, "ca-cert.pem")).Trim(), response.CertChain[1].Trim());
        var verify = await OpenSsl.SucceedAsync(citadel.WorkDir, "verify", "-CAfile", Path.Combine(cacerts, "root-cert.pem"), "-untrusted", "intermediate.pem", "leaf.pem");
        Assert.Contains("leaf.pem: OK", verify, StringComparison.Ordinal);
        var (code, _) = await OpenSsl.RunAsync(citadel.WorkDir, "verify", "-CAfile", Path.Combine(cacerts, "root-cert.pem"), "leaf.pem");
        Assert.NotEqual(0, code);
    }

    [Fact]
    public async Task CaPort_PluginIntermediate_ServesItsChainSoOpenSslVerifiesTheServerWithTheRootOnly()
    {
        var cacerts = await MakeCacertsAsync();
        await using var citadel = await CitadelFixture.StartAsync("--plugin-cert-dir", cacerts);

        var output = await OpenSsl.SucceedAsync(citadel.WorkDir, "s_client", "-connect", $"127.0.0.1:{citadel.Host.Ports.BoundPort(MeshPort.Ca)}",
            "-CAfile", Path.Combine(cacerts, "root-cert.pem"), "-verify_return_error", "-verify_ip", "127.0.0.1", "-alpn", "h2", "-showcerts");

        Assert.Contains("Verify return code: 0 (ok)", output, StringComparison.Ordinal);
        Assert.Contains("ALPN protocol: h2", output, StringComparison.Ordinal);
        Assert.Contains("Test Intermediate CA", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_PluginDirectoryMissingTheKey_FailsNamingTheFile()
    {
        var cacerts = await MakeCacertsAsync();
        File.Delete(Path.Combine(cacerts, "ca-key.pem"));

        var error = await Assert.ThrowsAsync<MeshUsageException>(() => CitadelFixture.StartAsync("--plugin-cert-dir", cacerts));

        Assert.Contains(Path.Combine(cacerts, "ca-key.pem"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_PluginIntermediateFromAnotherRoot_FailsSayingItDoesNotChain()
    {
        var cacerts = await MakeCacertsAsync();
        var other = await MakeCacertsAsync();
        File.Copy(Path.Combine(other, "root-cert.pem"), Path.Combine(cacerts, "root-cert.pem"), overwrite: true);

        var error = await Assert.ThrowsAsync<MeshUsageException>(() => CitadelFixture.StartAsync("--plugin-cert-dir", cacerts));

        Assert.Contains("does not chain to a root", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Makes a root and an intermediate with openssl, laid out as Istio's cacerts Secret.</summary>
    internal static async Task<string> MakeCacertsAsync()
    {
        var dir = TempDirectory.Create("cacerts");
        File.WriteAllText(Path.Combine(dir, "ca.ext"), "basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign,digitalSignature\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n");
        await OpenSsl.SucceedAsync(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
            "-keyout", "root-key.pem", "-out", "root-cert.pem", "-days", "365", "-subj", "/O=Test Org/CN=Test Root CA");
        await OpenSsl.SucceedAsync(dir, "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
            "-keyout", "ca-key.pem", "-out", "ca.csr", "-subj", "/O=Test Org/CN=Test Intermediate CA");
        await OpenSsl.SucceedAsync(dir, "x509", "-req", "-in", "ca.csr", "-CA", "root-cert.pem", "-CAkey", "root-key.pem",
            "-CAcreateserial", "-out", "ca-cert.pem", "-days", "180", "-extfile", "ca.ext");
        File.WriteAllText(Path.Combine(dir, "cert-chain.pem"), File.ReadAllText(Path.Combine(dir, "ca-cert.pem")) + File.ReadAllText(Path.Combine(dir, "root-cert.pem")));
        return dir;
    }
}
