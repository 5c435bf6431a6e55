using ControlPlane.Shared.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ControlPlane.TestSupport;

/// <summary>
/// A control-plane host started in process on 127.0.0.1 with every port chosen by the OS, so
/// parallel test runs never clash. Disposing stops it.
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    private TestHost(WebApplication app, string dataDir)
    {
        App = app;
        DataDir = dataDir;
    }

    public WebApplication App { get; }

    public string DataDir { get; }

    public MeshPortRegistry Ports => App.Services.GetRequiredService<MeshPortRegistry>();

    public static async Task<TestHost> StartAsync(MeshHostDefinition definition, params string[] extraArgs)
    {
        var dataDir = TempDirectory.Create("host-data");
        var args = new List<string> { "--bind-address", "127.0.0.1", "--data-dir", dataDir, "--log-level", "Warning" };
        foreach (var port in MeshPort.All)
        {
            if (definition.AllFlags.Any(f => f.Name == port.Flag))
            {
                args.AddRange([port.Flag, "0"]);
            }
        }

        args.AddRange(extraArgs);
        var app = MeshHost.Build(definition, [.. args]);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await app.StartAsync(timeout.Token);
        return new TestHost(app, dataDir);
    }

    /// <summary>The base address of a bound port, e.g. <c>http://127.0.0.1:40123</c>.</summary>
    public Uri Address(MeshPort port, string scheme = "http") => new($"{scheme}://127.0.0.1:{Ports.BoundPort(port)}");

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await App.StopAsync(timeout.Token);
        await App.DisposeAsync();
    }
}
