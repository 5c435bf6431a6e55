using ControlPlane.Shared.Tests.Xds;
using ControlPlane.TestSupport;
using Envoy.Service.Discovery.V3;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;
using static ControlPlane.Shared.Tests.Xds.TestResources;

namespace ControlPlane.Shared.Tests.Xds.Server;

/// <summary>A client going away is an expected event: one quiet line, never an exception in the log.</summary>
public sealed class XdsServerDisconnectLoggingTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task StreamAggregatedResources_ClientClosesItsChannel_LogsNoExceptionAndNothingAboveInformation()
    {
        var logs = new CapturedLogs();
        await using var server = await XdsTestServer.StartAsync(null, 128, logs, "--log-level", "Information");
        server.Cache.SetResources(TypeA, Set("v1", ("a", "1")));

        using (var channel = GrpcChannel.ForAddress(server.Address))
        {
            var ads = new AggregatedDiscoveryService.AggregatedDiscoveryServiceClient(channel);
            using var call = ads.StreamAggregatedResources(deadline: DateTime.UtcNow + Timeout);
            await call.RequestStream.WriteAsync(new DiscoveryRequest { Node = ClientNode(), TypeUrl = TypeA });
            using var read = new CancellationTokenSource(Timeout);
            Assert.True(await call.ResponseStream.MoveNext(read.Token));
            Assert.Equal(1, server.Server.StreamCount);
        }

        await Eventually.TrueAsync(() => server.Server.StreamCount == 0, Timeout, "the stream to close");
        await Task.Delay(TimeSpan.FromMilliseconds(200));

        Assert.DoesNotContain(logs.Entries, e => e.Exception is not null);
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task DeltaAggregatedResources_ClientCancelsTheCall_LogsNoExceptionAndNothingAboveInformation()
    {
        var logs = new CapturedLogs();
        await using var server = await XdsTestServer.StartAsync(null, 128, logs, "--log-level", "Information");
        server.Cache.SetResources(TypeA, Set("v1", ("a", "1")));
        using var channel = GrpcChannel.ForAddress(server.Address);
        var ads = new AggregatedDiscoveryService.AggregatedDiscoveryServiceClient(channel);

        using (var call = ads.DeltaAggregatedResources(deadline: DateTime.UtcNow + Timeout))
        {
            await call.RequestStream.WriteAsync(new DeltaDiscoveryRequest { Node = ClientNode(), TypeUrl = TypeA });
            using var read = new CancellationTokenSource(Timeout);
            Assert.True(await call.ResponseStream.MoveNext(read.Token));
        }

        await Eventually.TrueAsync(() => server.Server.StreamCount == 0, Timeout, "the stream to close");
        await Task.Delay(TimeSpan.FromMilliseconds(200));

        Assert.DoesNotContain(logs.Entries, e => e.Exception is not null);
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Warning);
    }
}
