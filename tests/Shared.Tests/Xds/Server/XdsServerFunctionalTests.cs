using ControlPlane.Shared.Hosting;
using ControlPlane.Shared.Xds;
using ControlPlane.Shared.Xds.Client;
using ControlPlane.Shared.Xds.Server;
using ControlPlane.TestSupport;
using Envoy.Service.Discovery.V3;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using static ControlPlane.Shared.Tests.Xds.TestResources;

namespace ControlPlane.Shared.Tests.Xds.Server;

/// <summary>The gRPC face of the server on a real Kestrel: status codes, and two servers in one host.</summary>
public sealed class XdsServerFunctionalTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task StreamAggregatedResources_FirstRequestWithoutNode_FailsWithInvalidArgument()
    {
        await using var server = await XdsTestServer.StartAsync();
        using var channel = GrpcChannel.ForAddress(server.Address);
        var ads = new AggregatedDiscoveryService.AggregatedDiscoveryServiceClient(channel);
        using var call = ads.StreamAggregatedResources(deadline: DateTime.UtcNow + Timeout);

        await call.RequestStream.WriteAsync(new DiscoveryRequest { TypeUrl = TypeA });
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("node", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeltaAggregatedResources_RawClient_GetsNamedVersionedResourcesFromTheConfiguredControlPlane()
    {
        await using var server = await XdsTestServer.StartAsync();
        server.Cache.SetResources(TypeA, Set("v1", ("a", "1")));
        using var channel = GrpcChannel.ForAddress(server.Address);
        var ads = new AggregatedDiscoveryService.AggregatedDiscoveryServiceClient(channel);
        using var call = ads.DeltaAggregatedResources(deadline: DateTime.UtcNow + Timeout);

        await call.RequestStream.WriteAsync(new DeltaDiscoveryRequest { Node = ClientNode(), TypeUrl = TypeA });
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var response = call.ResponseStream.Current;

        var resource = Assert.Single(response.Resources);
        Assert.Equal("a", resource.Name);
        Assert.Equal(Resource("a", "1").Version, resource.Version);
        Assert.Equal("v1", response.SystemVersionInfo);
        Assert.Equal("test-control-plane", response.ControlPlane.Identifier);
        Assert.Equal(1, server.Server.StreamCount);
    }

    [Fact]
    public async Task StreamAggregatedResources_ClientStopsReading_StreamIsCutAndCounted()
    {
        await using var server = await XdsTestServer.StartAsync(null, sendQueueCapacity: 4);
        server.Cache.SetResources(TypeA, BigSet(0));
        using var channel = GrpcChannel.ForAddress(server.Address);
        var ads = new AggregatedDiscoveryService.AggregatedDiscoveryServiceClient(channel);
        using var call = ads.StreamAggregatedResources(deadline: DateTime.UtcNow + Timeout);
        await call.RequestStream.WriteAsync(new DiscoveryRequest { Node = ClientNode(), TypeUrl = TypeA });

        // Never read: HTTP/2 flow control stalls the server's writes, its send queue fills, the stream is cut.
        var version = 0;
        await Eventually.TrueAsync(
            () =>
            {
                server.Cache.SetResources(TypeA, BigSet(++version));
                return server.Observer.Matching("cut").Count > 0;
            },
            Timeout,
            "the slow stream to be cut");

        await Eventually.TrueAsync(() => server.Server.StreamCount == 0, Timeout, "the cut stream to be gone");
        using var http = new HttpClient { BaseAddress = server.Host.Address(MeshPort.Monitoring), Timeout = Timeout };
        Assert.Contains("test_xds_streams_cut_total 1", await http.GetStringAsync(new Uri("/metrics", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoServersInOneHost_EachPortServesItsOwnProvider()
    {
        var galley = new XdsSnapshotCache();
        var pilot = new XdsSnapshotCache();
        galley.SetResources(TypeA, Set("g1", ("from-galley", "1")));
        pilot.SetResources(TypeA, Set("p1", ("from-pilot", "1")));
        var definition = new MeshHostDefinition(
            "two-xds",
            [MeshPort.Galley.ToFlag(), MeshPort.Xds.ToFlag()],
            builder =>
            {
                builder.MeshPorts().Add(MeshPort.Galley, HttpProtocols.Http2);
                builder.MeshPorts().Add(MeshPort.Xds, HttpProtocols.Http2);
                builder.Services.AddXdsServer<GalleyTag>(_ => galley);
                builder.Services.AddXdsServer<PilotTag>(_ => pilot);
            },
            app =>
            {
                app.MapXdsServer<GalleyTag>().RequireMeshPort(MeshPort.Galley);
                app.MapXdsServer<PilotTag>().RequireMeshPort(MeshPort.Xds);
            });
        await using var host = await TestHost.StartAsync(definition);

        var fromGalley = await FirstNamesAsync(host.Address(MeshPort.Galley));
        var fromPilot = await FirstNamesAsync(host.Address(MeshPort.Xds));

        Assert.Equal(["from-galley"], fromGalley);
        Assert.Equal(["from-pilot"], fromPilot);
    }

    private static async Task<IReadOnlyList<string>> FirstNamesAsync(Uri address)
    {
        await using var client = new XdsClient(new XdsClientOptions { Address = address, Node = ClientNode(), Protocol = XdsProtocol.Delta });
        client.SubscribeAll(TypeA);
        client.Start();
        return await Eventually.ValueAsync(
            () => Task.FromResult<IReadOnlyList<string>>([.. client.Resources(TypeA).Keys]),
            names => names.Count > 0,
            Timeout,
            $"resources from {address}");
    }

    private static XdsResourceSet BigSet(int version) =>
        new($"v{version}", Enumerable.Range(0, 50).Select(i => Resource($"r{i}", new string('x', 2000) + version)));

    private sealed class GalleyTag;

    private sealed class PilotTag;
}
