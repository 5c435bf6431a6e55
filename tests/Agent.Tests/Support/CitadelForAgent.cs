using ControlPlane.Citadel;
using ControlPlane.Citadel.Authentication;
using ControlPlane.Shared.Hosting;
using ControlPlane.TestSupport;

namespace ControlPlane.Agent.Tests.Support;

/// <summary>Files an agent needs from a Citadel test host: its address, root bundle and a token from its local issuer.</summary>
internal static class CitadelForAgent
{
    public static string Address(TestHost citadel) => $"127.0.0.1:{citadel.Ports.BoundPort(MeshPort.Ca)}";

    public static string RootCert(TestHost citadel) => Path.Combine(citadel.DataDir, "root-cert.pem");

    /// <summary>Writes a token for <paramref name="serviceAccount"/> in <paramref name="ns"/> to a new file and returns its path.</summary>
    public static string TokenFile(TestHost citadel, string ns, string serviceAccount)
    {
        var path = Path.Combine(TempDirectory.Create("agent-token"), "token");
        File.WriteAllText(path, LocalJwtIssuer.Open(citadel.DataDir).CreateToken(ns, serviceAccount, "istio-ca", TimeSpan.FromHours(1), DateTimeOffset.UtcNow));
        return path;
    }

    public static Task<TestHost> StartAsync(params string[] flags) => TestHost.StartAsync(CitadelHost.Definition, flags);
}
