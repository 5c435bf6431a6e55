using ControlPlane.Citadel;
using ControlPlane.TestSupport;

namespace ControlPlane.Meshctl.Tests.Commands;

/// <summary><c>meshctl token</c>, <c>cert request</c> and <c>cert inspect</c> against a running Citadel.</summary>
public sealed class CertCommandTests
{
    [Fact]
    public async Task CertRequest_WithLocalIssuer_WritesKeyChainAndRootThatOpenSslVerifies()
    {
        await using var host = await TestHost.StartAsync(CitadelHost.Definition);
        var output = TempDirectory.Create("meshctl-cert");

        var (code, stdout, stderr) = await MeshctlRunner.RunAsync(
            "cert", "request", "--namespace", "default", "--service-account", "web", "--out", output, "--data-dir", host.DataDir, "--ttl", "2h");

        Assert.True(code == 0, stderr);
        Assert.Contains("spiffe://cluster.local/ns/default/sa/web", stdout, StringComparison.Ordinal);
        await OpenSsl.SucceedAsync(output, "verify", "-CAfile", "root-cert.pem", "cert-chain.pem");
        var certKey = await OpenSsl.SucceedAsync(output, "x509", "-in", "cert-chain.pem", "-noout", "-pubkey");
        var privateKey = await OpenSsl.SucceedAsync(output, "pkey", "-in", "key.pem", "-pubout");
        Assert.Equal(certKey.Trim(), privateKey.Trim());
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(output, "key.pem")));
        }
    }

    [Fact]
    public async Task Token_ThenCertRequestWithIt_IsAcceptedByCitadel()
    {
        await using var host = await TestHost.StartAsync(CitadelHost.Definition);
        var output = TempDirectory.Create("meshctl-token");

        var (tokenCode, token, tokenError) = await MeshctlRunner.RunAsync(
            "token", "--data-dir", host.DataDir, "--namespace", "shop", "--service-account", "cart", "--ttl", "10m");
        var (code, _, stderr) = await MeshctlRunner.RunAsync(
            "cert", "request", "--namespace", "shop", "--service-account", "cart", "--out", output, "--data-dir", host.DataDir, "--token", token.Trim());

        Assert.True(tokenCode == 0, tokenError);
        Assert.Equal(3, token.Trim().Split('.').Length);
        Assert.True(code == 0, stderr);
    }

    [Fact]
    public async Task CertRequest_TokenForAnotherAudience_ReportsTheRefusalAndExits1()
    {
        await using var host = await TestHost.StartAsync(CitadelHost.Definition);
        var (_, token, _) = await MeshctlRunner.RunAsync(
            "token", "--data-dir", host.DataDir, "--namespace", "shop", "--service-account", "cart", "--audience", "other");

        var (code, _, stderr) = await MeshctlRunner.RunAsync(
            "cert", "request", "--namespace", "shop", "--service-account", "cart", "--out", TempDirectory.Create("x"), "--data-dir", host.DataDir, "--token", token.Trim());

        Assert.Equal(1, code);
        Assert.Contains("Unauthenticated", stderr, StringComparison.Ordinal);
        Assert.Contains("audience", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CertInspect_IssuedChain_PrintsIdentityIssuerValidityAndValidStatus()
    {
        await using var host = await TestHost.StartAsync(CitadelHost.Definition);
        var output = TempDirectory.Create("meshctl-inspect");
        await MeshctlRunner.RunAsync("cert", "request", "--namespace", "default", "--service-account", "web", "--out", output, "--data-dir", host.DataDir);

        var (code, stdout, _) = await MeshctlRunner.RunAsync("cert", "inspect", Path.Combine(output, "cert-chain.pem"));

        Assert.Equal(0, code);
        Assert.Contains("identity:  spiffe://cluster.local/ns/default/sa/web", stdout, StringComparison.Ordinal);
        Assert.Contains("issuer:    O=cluster.local, CN=Citadel Root CA", stdout, StringComparison.Ordinal);
        Assert.Contains("(expires in 23h", stdout, StringComparison.Ordinal);
        Assert.Contains("chain:     2 certificate(s) in file", stdout, StringComparison.Ordinal);
        Assert.Contains("status:    valid: (leaf) -> O=cluster.local", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CertInspect_AgainstAnotherRoot_ReportsInvalidAndExits1()
    {
        await using var host = await TestHost.StartAsync(CitadelHost.Definition);
        await using var other = await TestHost.StartAsync(CitadelHost.Definition);
        var output = TempDirectory.Create("meshctl-inspect-wrong");
        await MeshctlRunner.RunAsync("cert", "request", "--namespace", "default", "--service-account", "web", "--out", output, "--data-dir", host.DataDir);

        var (code, stdout, _) = await MeshctlRunner.RunAsync(
            "cert", "inspect", Path.Combine(output, "cert-chain.pem"), "--root-cert", Path.Combine(other.DataDir, "root-cert.pem"));

        Assert.Equal(1, code);
        Assert.Contains("status:    INVALID", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_DataDirWithoutIssuerKey_Exits1NamingTheFile()
    {
        var empty = TempDirectory.Create("no-issuer");

        var (code, _, stderr) = await MeshctlRunner.RunAsync("token", "--data-dir", empty, "--namespace", "a", "--service-account", "b");

        Assert.Equal(1, code);
        Assert.Contains(Path.Combine(empty, "jwt", "issuer-key.pem"), stderr, StringComparison.Ordinal);
    }
}
