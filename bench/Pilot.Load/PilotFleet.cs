using System.Diagnostics;
using ControlPlane.Shared.Xds;
using ControlPlane.Shared.Xds.Client;
using Envoy.Config.Core.V3;
using Google.Protobuf.WellKnownTypes;
using Grpc.Net.Client;

namespace ControlPlane.Bench.PilotLoad;

/// <summary>
/// N Shared xDS clients introducing themselves as proxyless gRPC clients: each subscribes to every
/// cluster (wildcard CDS) and to the listener, route and endpoints of one service (client i: service i mod M).
/// Counts responses and resource bytes received, and when each client last accepted CDS and EDS.
/// </summary>
internal sealed class PilotFleet : IAsyncDisposable
{
    private readonly GrpcChannel _channel;
    private readonly List<XdsClient> _clients = [];
    private readonly long[] _lastCds;
    private readonly long[] _lastEds;
    private long _responses;
    private long _bytes;

    public PilotFleet(Uri address, int clients, int services, XdsProtocol protocol)
    {
        _channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true } });
        var invoker = _channel.CreateCallInvoker();
        _lastCds = new long[clients];
        _lastEds = new long[clients];
        for (var i = 0; i < clients; i++)
        {
            var node = new Node { Id = $"sidecar~10.1.{i / 250}.{i % 250}~pod-{i}.bench~bench.svc.cluster.local", Metadata = new Struct() };
            node.Metadata.Fields["GENERATOR"] = Value.ForString("grpc");
            var client = new XdsClient(new XdsClientOptions { CallInvoker = invoker, Node = node, Protocol = protocol });
            var service = i % services;
            client.SubscribeAll(XdsTypeUrls.Cluster);
            client.Subscribe(XdsTypeUrls.Listener, [MeshConfig.Listener(service)]);
            client.Subscribe(XdsTypeUrls.RouteConfiguration, [MeshConfig.Listener(service)]);
            client.Subscribe(XdsTypeUrls.ClusterLoadAssignment, [MeshConfig.Cluster(service)]);
            var index = i;
            client.Updated += (_, update) =>
            {
                Interlocked.Increment(ref _responses);
                Interlocked.Add(ref _bytes, update.Upserted.Sum(r => (long)r.Body.CalculateSize()));
                var now = Stopwatch.GetTimestamp();
                if (update.TypeUrl == XdsTypeUrls.Cluster)
                {
                    Volatile.Write(ref _lastCds[index], now);
                }
                else if (update.TypeUrl == XdsTypeUrls.ClusterLoadAssignment)
                {
                    Volatile.Write(ref _lastEds[index], now);
                }
            };
            _clients.Add(client);
        }
    }

    public IReadOnlyList<XdsClient> Clients => _clients;

    public long Responses => Interlocked.Read(ref _responses);

    public long Bytes => Interlocked.Read(ref _bytes);

    public long LastCds(int i) => Volatile.Read(ref _lastCds[i]);

    public long LastEds(int i) => Volatile.Read(ref _lastEds[i]);

    public void StartAll() => _clients.ForEach(c => c.Start());

    public async Task WaitAllAsync(Func<XdsClient, bool> done, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        var pending = _clients.ToList();
        while (pending.Count > 0)
        {
            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"{pending.Count} clients not done after {timeout}");
            }

            pending.RemoveAll(c => done(c));
            await Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_clients.Select(c => c.DisposeAsync().AsTask()));
        _channel.Dispose();
    }
}
