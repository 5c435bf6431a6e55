using ControlPlane.Shared.Hosting;
using ControlPlane.Shared.Xds;
using ControlPlane.Shared.Xds.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace ControlPlane.Bench.XdsLoad;

/// <summary>A mesh host serving one snapshot cache over ADS on a free 127.0.0.1 port.</summary>
internal sealed class LoadServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _dataDir;

    private LoadServer(WebApplication app, string dataDir, XdsSnapshotCache cache)
    {
        _app = app;
        _dataDir = dataDir;
        Cache = cache;
    }

    public XdsSnapshotCache Cache { get; }

    public XdsServer Server => _app.Services.GetRequiredKeyedService<XdsServer>(typeof(LoadServer));

    public Uri Address => new($"http://127.0.0.1:{_app.Services.GetRequiredService<MeshPortRegistry>().BoundPort(MeshPort.Galley)}");

    public static async Task<LoadServer> StartAsync()
    {
        var cache = new XdsSnapshotCache();
        var definition = new MeshHostDefinition(
            "xds-load",
            [MeshPort.Galley.ToFlag()],
            builder =>
            {
                builder.MeshPorts().Add(MeshPort.Galley, HttpProtocols.Http2);
                builder.Services.AddXdsServer<LoadServer>(_ => cache, "bench", o => o.SendQueueCapacity = 1024);
            },
            app => app.MapXdsServer<LoadServer>().RequireMeshPort(MeshPort.Galley));
        var dataDir = Directory.CreateTempSubdirectory("xds-load-").FullName;
        var app = MeshHost.Build(definition, ["--bind-address", "127.0.0.1", "--data-dir", dataDir, "--log-level", "Warning", "--galley-port", "0", "--monitoring-port", "0"]);
        await app.StartAsync();
        return new LoadServer(app, dataDir, cache);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_dataDir, recursive: true);
    }
}
