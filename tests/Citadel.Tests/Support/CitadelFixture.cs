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

    public string RootBundle => File.ReadAllText(Path.Combine(Host.DataDir, "root-cert.pem"));

    public static async Task<CitadelFixture> StartAsync(params string[] args) =>
        new(await TestHost.StartAsync(CitadelHost.Definition, args));

    public string Token(string ns, string sa, string audience = "istio-ca", TimeSpan? ttl = null) =>
        LocalJwtIssuer.Open(Host.DataDir).CreateToken(ns, sa, audience, ttl ?? TimeSpan.FromHours(1), DateTimeOffset.UtcNow);

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
