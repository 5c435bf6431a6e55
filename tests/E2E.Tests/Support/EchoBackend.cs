using ControlPlane.E2E.Tests.Protos;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ControlPlane.E2E.Tests.Support;

/// <summary>A backend gRPC server on 127.0.0.1 (free port) that answers <c>Hello</c> with its version name.</summary>
public sealed class EchoBackend : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EchoBackend(WebApplication app, string version, int port)
    {
        _app = app;
        Version = version;
        Port = port;
    }

    public string Version { get; }

    public int Port { get; }

    public static async Task<EchoBackend> StartAsync(string version)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(new EchoService(version));
        var app = builder.Build();
        app.MapGrpcService<EchoService>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await app.StartAsync(timeout.Token);
        var port = new Uri(app.Urls.First()).Port;
        return new EchoBackend(app, version, port);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
    }

    private sealed class EchoService(string version) : Echo.EchoBase
    {
        public override Task<HelloReply> Hello(HelloRequest request, ServerCallContext context) =>
            Task.FromResult(new HelloReply { Version = version });
    }
}
