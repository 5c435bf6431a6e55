using ControlPlane.Shared.Xds.Client;
using Envoy.Config.Core.V3;
using Grpc.Net.Client;

namespace ControlPlane.Bench.XdsLoad;

/// <summary>N Shared xDS clients over one gRPC channel (HTTP/2 connections are opened as streams need).</summary>
internal sealed class LoadFleet : IAsyncDisposable
{
    private readonly GrpcChannel _channel;
    private readonly List<XdsClient> _clients = [];
    private readonly SemaphoreSlim _changed = new(0);

    public LoadFleet(Uri address, LoadSettings settings)
    {
        _channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
        });
        var invoker = _channel.CreateCallInvoker();
        for (var i = 0; i < settings.Clients; i++)
        {
            var client = new XdsClient(new XdsClientOptions
            {
                CallInvoker = invoker,
                Node = new Node { Id = $"sidecar~10.1.{i / 250}.{i % 250}~pod-{i}.default~default.svc.cluster.local" },
                Protocol = settings.Protocol,
            });
            client.SubscribeAll(LoadResources.TypeUrl);
            client.Updated += (_, _) => _changed.Release();
            _clients.Add(client);
        }
    }

    public void StartAll() => _clients.ForEach(c => c.Start());

    /// <summary>Waits until every client satisfies <paramref name="done"/>, re-checking after updates.</summary>
    public async Task WaitAllAsync(Func<XdsClient, bool> done, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        var pending = _clients.ToList();
        while (true)
        {
            pending.RemoveAll(c => done(c));
            if (pending.Count == 0)
            {
                return;
            }

            await _changed.WaitAsync(TimeSpan.FromMilliseconds(20), cts.Token);
            while (_changed.Wait(0))
            {
                // Coalesce the wake-ups of many clients into one re-check.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_clients.Select(c => c.DisposeAsync().AsTask()));
        _channel.Dispose();
    }
}
