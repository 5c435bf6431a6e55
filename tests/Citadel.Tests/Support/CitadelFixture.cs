using ControlPlane.Citadel.Authentication;
using ControlPlane.Shared.Hosting;
using ControlPlane.TestSupport;

namespace ControlPlane.Citadel.Tests.Support;

/// <summary>A started Citadel host with helpers to mint local tokens, make clients and write files for openssl.</summary>
internal sealed class CitadelFixture : IAsyncDisposable
{
    private CitadelFixture(TestHost host)
    {
        Host = host;
        WorkDir = TempDirectory.Create("citadel-work");
    }

    public TestHost Host { get; }

    public string WorkDir { get; }

    /// <summary>The data directory in use: the test's own <c>--data-dir</c> if it gave one.</summary>
    public string DataDir { get; private init; } = string.Empty;

    public string RootBundle => File.ReadAllText(Path.Combine(DataDir, "root-cert.pem"));

    public static async Task<CitadelFixture> StartAsync(params string[] args)
    {
        var host = await TestHost.StartAsync(CitadelHost.Definition, args);
        var dataDir = Array.LastIndexOf(args, "--data-dir") is var i and >= 0 ? args[i + 1] : host.DataDir;
        return new CitadelFixture(host) { DataDir = dataDir };
    }

    public string Token(string ns, string sa, string audience = "istio-ca", TimeSpan? ttl = null) =>
        LocalJwtIssuer.Open(DataDir).CreateToken(ns, sa, audience, ttl ?? TimeSpan.FromHours(1), DateTimeOffset.UtcNow);

    public CaClient Client(System.Security.Cryptography.X509Certificates.X509Certificate2? clientCertificate = null) =>
        new(Host.Address(MeshPort.Ca, "https"), RootBundle, clientCertificate);

    /// <summary>Writes text into the work directory and returns the file name.</summary>
    public string Write(string name, string content)
    {
        File.WriteAllText(Path.Combine(WorkDir, name), content);
        return name;
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
