using System.Diagnostics;
using ControlPlane.Bench.PilotLoad.Protos;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ControlPlane.Bench.PilotLoad;

/// <summary>
/// The ceiling: the same number of streams, each sent the same bytes by a trivial server-streaming
/// call (one pre-built payload, 64 KiB chunks), on the same machine and HTTP/2 stack.
/// </summary>
internal static class BlastCeiling
{
    public static async Task<TimeSpan> MeasureAsync(int streams, int bytesPerStream)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        await using var app = builder.Build();
        app.MapGrpcService<BlastService>();
        await app.StartAsync();
        using var channel = GrpcChannel.ForAddress(app.Urls.First(), new GrpcChannelOptions { HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true } });
        var client = new Blast.BlastClient(channel);
        await Drain(client, 1024);
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, streams).Select(_ => Drain(client, bytesPerStream)));
        var elapsed = watch.Elapsed;
        await app.StopAsync();
        return elapsed;
    }

    private static async Task Drain(Blast.BlastClient client, int bytes)
    {
        using var call = client.Stream(new BlastRequest { Bytes = bytes });
        await foreach (var _ in call.ResponseStream.ReadAllAsync())
        {
        }
    }

    private sealed class BlastService : Blast.BlastBase
    {
        private static readonly ByteString Chunk = ByteString.CopyFrom(new byte[64 * 1024]);

        public override async Task Stream(BlastRequest request, IServerStreamWriter<BlastChunk> responseStream, ServerCallContext context)
        {
            for (var left = request.Bytes; left > 0; left -= Chunk.Length)
            {
                await responseStream.WriteAsync(new BlastChunk { Payload = left >= Chunk.Length ? Chunk : ByteString.CopyFrom(new byte[left]) });
            }
        }
    }
}
