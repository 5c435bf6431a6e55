using System.Security.Cryptography.X509Certificates;
using ControlPlane.Citadel.Tests.Support;
using ControlPlane.Shared.Hosting;
using ControlPlane.TestSupport;

namespace ControlPlane.Citadel.Tests.Authority;

/// <summary>The self-signed CA survives restarts, and bad settings stop the start with the flag's name.</summary>
public sealed class PersistenceTests
{
    [Fact]
    public async Task Restart_SameDataDir_KeepsTheRootAndEarlierLeavesStillVerify()
    {
        var dataDir = TempDirectory.Create("citadel-restart");
        string firstRoot;
        string leaf;
        await using (var first = await CitadelFixture.StartAsync("--data-dir", dataDir))
        {
            firstRoot = first.RootBundle;
            using var client = first.Client();
            leaf = (await client.CreateAsync(Csr.Ec("spiffe://cluster.local/ns/a/sa/b").Pem, first.Token("a", "b"))).CertChain[0];
        }

        await using var second = await CitadelFixture.StartAsync("--data-dir", dataDir);

        Assert.Equal(firstRoot, second.RootBundle);
        second.Write("leaf.pem", leaf);
        second.Write("root.pem", second.RootBundle);
        await OpenSsl.SucceedAsync(second.WorkDir, "verify", "-CAfile", "root.pem", "leaf.pem");
        using var again = second.Client();
        var response = await again.CreateAsync(Csr.Ec("spiffe://cluster.local/ns/a/sa/b").Pem, second.Token("a", "b"));
        Assert.Equal(firstRoot.Trim(), response.CertChain[^1].Trim());
    }

    [Fact]
    public async Task Start_RsaRoot_IssuesLeavesSignedWithSha256Rsa()
    {
        await using var citadel = await CitadelFixture.StartAsync("--ca-key-algorithm", "rsa-2048", "--trust-domain", "example.org");
        using var client = citadel.Client();

        var response = await client.CreateAsync(Csr.Ec("spiffe://example.org/ns/a/sa/b").Pem, citadel.Token("a", "b"));

        citadel.Write("leaf.pem", response.CertChain[0]);
        citadel.Write("root.pem", citadel.RootBundle);
        await OpenSsl.SucceedAsync(citadel.WorkDir, "verify", "-CAfile", "root.pem", "leaf.pem");
        var text = await OpenSsl.SucceedAsync(citadel.WorkDir, "x509", "-in", "leaf.pem", "-noout", "-text");
        Assert.Contains("Signature Algorithm: sha256WithRSAEncryption", text, StringComparison.Ordinal);
        using var root = X509Certificate2.CreateFromPem(citadel.RootBundle);
        Assert.Contains("O=example.org", root.Subject, StringComparison.Ordinal);
        Assert.NotNull(root.GetRSAPublicKey());
    }

    [Theory]
    [InlineData("--max-cert-ttl", "91d")]
    [InlineData("--max-cert-ttl", "a week")]
    [InlineData("--ca-key-algorithm", "dsa-1024")]
    [InlineData("--trust-domain", "Not A Domain")]
    [InlineData("--jwt-issuers", "no-equals-sign")]
    public async Task Start_BadSetting_FailsNamingTheFlag(string flag, string value)
    {
        var error = await Assert.ThrowsAsync<MeshUsageException>(() => CitadelFixture.StartAsync(flag, value));

        Assert.Contains(flag, error.Message, StringComparison.Ordinal);
    }
}
