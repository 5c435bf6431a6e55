using System.Threading.Channels;
using ControlPlane.Shared.Xds.Server;
using Envoy.Service.Discovery.V3;
using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;
using static ControlPlane.Shared.Tests.Xds.TestResources;

namespace ControlPlane.Shared.Tests.Xds.Server;

public sealed class XdsStreamLoopTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly SessionFixture _fixture = new();

    public XdsStreamLoopTests() => _fixture.Cache.SetResources(TypeA, Set("v0", ("a", "0")));

    [Fact]
    public async Task RunAsync_ClientClosesItsSide_FlushesQueuedResponsesAndReturns()
    {
        var loop = new XdsStreamLoop<DiscoveryRequest, DiscoveryResponse>(_fixture.Sotw(), 8, NullLogger.Instance);
        var requests = new ChannelReader<DiscoveryRequest>();
        var written = new List<DiscoveryResponse>();
        requests.Add(new DiscoveryRequest { Node = ClientNode(), TypeUrl = TypeA });
        requests.Complete();

        await loop.RunAsync(requests, (r, _) => { written.Add(r); return Task.CompletedTask; }, () => { }, CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal("v0", Assert.Single(written).VersionInfo);
    }

    [Fact]
    public async Task RunAsync_ClientNeverReads_CutsTheStreamWithResourceExhausted()
    {
        var loop = new XdsStreamLoop<DiscoveryRequest, DiscoveryResponse>(_fixture.Sotw(), 2, NullLogger.Instance);
        var requests = new ChannelReader<DiscoveryRequest>();
        requests.Add(new DiscoveryRequest { Node = ClientNode(), TypeUrl = TypeA });
        var run = loop.RunAsync(requests, (_, ct) => Task.Delay(System.Threading.Timeout.Infinite, ct), () => { }, CancellationToken.None);

        for (var version = 1; version < 200 && !run.IsCompleted; version++)
        {
            _fixture.Cache.SetResources(TypeA, Set($"v{version}", ("a", version.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            loop.Notify(new([TypeA]));
            await Task.WhenAny(run, Task.Delay(20));
        }

        var error = await Assert.ThrowsAsync<RpcException>(() => run.WaitAsync(Timeout));
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task RunAsync_FirstRequestWithoutNode_FailsWithProtocolError()
    {
        var loop = new XdsStreamLoop<DiscoveryRequest, DiscoveryResponse>(_fixture.Sotw(), 8, NullLogger.Instance);
        var requests = new ChannelReader<DiscoveryRequest>();
        requests.Add(new DiscoveryRequest { TypeUrl = TypeA });

        await Assert.ThrowsAsync<XdsProtocolException>(
            () => loop.RunAsync(requests, (_, _) => Task.CompletedTask, () => { }, CancellationToken.None).WaitAsync(Timeout));
    }

    /// <summary>A request stream fed by the test.</summary>
    private sealed class ChannelReader<T> : IAsyncStreamReader<T>
    {
        private readonly Channel<T> _channel = Channel.CreateUnbounded<T>();

        public T Current { get; private set; } = default!;

        public void Add(T item) => _channel.Writer.TryWrite(item);

        public void Complete() => _channel.Writer.TryComplete();

        public async Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            if (!await _channel.Reader.WaitToReadAsync(cancellationToken))
            {
                return false;
            }

            Current = await _channel.Reader.ReadAsync(cancellationToken);
            return true;
        }
    }
}
