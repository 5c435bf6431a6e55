using ControlPlane.Shared.Hosting;
using ControlPlane.Shared.Xds;
using ControlPlane.Shared.Xds.Server;
using ControlPlane.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ControlPlane.Shared.Tests.Xds;

/// <summary>A real Kestrel host (127.0.0.1, port 0) serving a snapshot cache over ADS on the Galley port.</summary>
internal sealed class XdsTestServer : IAsyncDisposable
{
    private XdsTestServer(TestHost host, PokableProvider provider)
    {
        Host = host;
        Provider = provider;
    }

    public TestHost Host { get; }

    public PokableProvider Provider { get; }

    public XdsSnapshotCache Cache => Provider.Cache;

    public RecordingObserver Observer => Host.App.Services.GetRequiredService<RecordingObserver>();

    public XdsStatusTracker Status => Host.App.Services.GetRequiredKeyedService<XdsStatusTracker>(typeof(XdsTestServer));

    public XdsServer Server => Host.App.Services.GetRequiredKeyedService<XdsServer>(typeof(XdsTestServer));

    public Uri Address => Host.Address(MeshPort.Galley);

    public static Task<XdsTestServer> StartAsync(XdsSnapshotCache? cache = null, params string[] extraArgs) =>
        StartAsync(cache, 128, extraArgs);

    public static Task<XdsTestServer> StartAsync(XdsSnapshotCache? cache, int sendQueueCapacity, params string[] extraArgs) =>
        StartAsync(cache, sendQueueCapacity, null, extraArgs);

    /// <summary>Starts a server whose log also goes to <paramref name="logs"/>, when given.</summary>
    public static async Task<XdsTestServer> StartAsync(XdsSnapshotCache? cache, int sendQueueCapacity, ILoggerProvider? logs, params string[] extraArgs)
    {
        var provider = new PokableProvider(cache ?? new XdsSnapshotCache());
        var definition = new MeshHostDefinition(
            "xds-test",
            [MeshPort.Galley.ToFlag()],
            builder =>
            {
                builder.MeshPorts().Add(MeshPort.Galley, HttpProtocols.Http2);
                if (logs is not null)
                {
                    builder.Logging.AddProvider(logs);
                }

                builder.Services.AddSingleton<RecordingObserver>();
                builder.Services.AddKeyedSingleton<IXdsStreamObserver>(typeof(XdsTestServer), (sp, _) => sp.GetRequiredService<RecordingObserver>());
                builder.Services.AddXdsServer<XdsTestServer>(_ => provider, metricsPrefix: "test", o =>
                {
                    o.ControlPlaneIdentifier = "test-control-plane";
                    o.SendQueueCapacity = sendQueueCapacity;
                });
            },
            app => app.MapXdsServer<XdsTestServer>().RequireMeshPort(MeshPort.Galley));
        var host = await TestHost.StartAsync(definition, extraArgs);
        return new XdsTestServer(host, provider);
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
