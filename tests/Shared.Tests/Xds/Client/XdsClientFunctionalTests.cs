using System.Collections.Concurrent;
using ControlPlane.Shared.Hosting;
using ControlPlane.Shared.Xds;
using ControlPlane.Shared.Xds.Client;
using ControlPlane.TestSupport;
using static ControlPlane.Shared.Tests.Xds.TestResources;

namespace ControlPlane.Shared.Tests.Xds.Client;

/// <summary>The Shared client against the Shared server on a real Kestrel, over SotW and delta.</summary>
public sealed class XdsClientFunctionalTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Theory]
    [InlineData(XdsProtocol.StateOfTheWorld)]
    [InlineData(XdsProtocol.Delta)]
    public async Task Client_WildcardSubscription_ReceivesResourcesUpdatesAndRemovals(XdsProtocol protocol)
    {
        await using var server = await XdsTestServer.StartAsync();
        server.Cache.SetResources(TypeA, Set("v1", ("a", "1"), ("b", "1")));
        await using var client = NewClient(server, protocol);
        var updates = Record(client);
        client.SubscribeAll(TypeA);
        client.Start();

        await WaitForAsync(client, TypeA, "a=1,b=1");
        server.Cache.SetResources(TypeA, Set("v2", ("a", "2"), ("c", "1")));
        await WaitForAsync(client, TypeA, "a=2,c=1");

        Assert.Equal("v2", client.AcceptedVersion(TypeA));
        var last = updates.Last();
        Assert.Equal(["a", "c"], last.Upserted.Select(r => r.Name).Order());
        Assert.Equal(["b"], last.Removed);
        await Eventually.TrueAsync(() => server.Status.Clients().SingleOrDefault()?.Types.Single().IsSynced == true, Timeout, "the server to record the ACK of v2");
    }

    [Theory]
    [InlineData(XdsProtocol.StateOfTheWorld)]
    [InlineData(XdsProtocol.Delta)]
    public async Task Client_ValidatorRejectsVersion_NacksKeepsLastGoodAndServerSendsOnlyTheNextChange(XdsProtocol protocol)
    {
        await using var server = await XdsTestServer.StartAsync();
        server.Cache.SetResources(TypeA, Set("v1", ("a", "1")));
        await using var client = NewClient(server, protocol, r => r.Resources.Any(x => Content(x.Body) == "bad") ? "content 'bad' is not allowed" : null);
        var rejections = new ConcurrentQueue<XdsClientRejection>();
        client.Rejected += (_, r) => rejections.Enqueue(r);
        client.SubscribeAll(TypeA);
        client.Start();
        await WaitForAsync(client, TypeA, "a=1");

        server.Cache.SetResources(TypeA, Set("v2", ("a", "bad")));
        await Eventually.TrueAsync(() => server.Status.Clients().Single().Types.Single().LastNack is not null, Timeout, "the server to record the NACK");
        server.Provider.Poke(TypeA);
        server.Cache.SetResources(TypeA, Set("v3", ("a", "3")));
        await WaitForAsync(client, TypeA, "a=3");

        Assert.Equal("v2", Assert.Single(rejections).Version);
        var nack = server.Status.Clients().Single().Types.Single().LastNack!;
        Assert.Equal("v2", nack.Version);
        Assert.Equal("content 'bad' is not allowed", nack.Message);
        Assert.Single(server.Observer.Matching($"sent {TypeA} v2"));
        Assert.Equal("v3", client.AcceptedVersion(TypeA));
    }

    [Theory]
    [InlineData(XdsProtocol.StateOfTheWorld)]
    [InlineData(XdsProtocol.Delta)]
    public async Task Client_NarrowsAndDropsSubscriptions_StopsReceivingThem(XdsProtocol protocol)
    {
        await using var server = await XdsTestServer.StartAsync();
        server.Cache.SetResources(TypeA, Set("v1", ("a", "1"), ("b", "1"), ("c", "1")));
        server.Cache.SetResources(TypeB, new("l1", [LocalityResource("x", "z1")]));
        await using var client = NewClient(server, protocol);
        client.Subscribe(TypeA, ["a", "b"]);
        client.Start();
        await WaitForAsync(client, TypeA, "a=1,b=1");

        client.Subscribe(TypeA, ["a"]);
        server.Cache.SetResources(TypeA, Set("v2", ("a", "2"), ("b", "2"), ("c", "2")));
        await WaitForAsync(client, TypeA, "a=2");
        client.Unsubscribe(TypeA);
        client.SubscribeAll(TypeB);
        await Eventually.TrueAsync(() => client.Resources(TypeB).ContainsKey("x"), Timeout, "the other type to arrive");
        await Eventually.TrueAsync(
            () => server.Status.Clients().Single().Types.Single(t => t.TypeUrl == TypeA).Subscription?.IsEmpty == true,
            Timeout,
            "the server to apply the unsubscribe");
        server.Cache.SetResources(TypeA, Set("v3", ("a", "3")));
        server.Cache.SetResources(TypeB, new("l2", [LocalityResource("y", "z1")]));
        await Eventually.TrueAsync(() => client.Resources(TypeB).ContainsKey("y"), Timeout, "the next change of the other type");

        Assert.Empty(client.Resources(TypeA));
        Assert.Empty(server.Observer.Matching($"sent {TypeA} v3"));
    }

    [Fact]
    public async Task DeltaClient_Reconnects_SendsWhatItHoldsAndGetsOnlyTheDifferences()
    {
        var server = await XdsTestServer.StartAsync();
        server.Cache.SetResources(TypeA, Set("v1", ("a", "1"), ("b", "1")));
        var port = server.Host.Ports.BoundPort(MeshPort.Galley);
        await using var client = NewClient(server, XdsProtocol.Delta);
        client.SubscribeAll(TypeA);
        client.Start();
        await WaitForAsync(client, TypeA, "a=1,b=1");

        await server.DisposeAsync();
        await using var restarted = await XdsTestServer.StartAsync(null, MeshPort.Galley.Flag, port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        restarted.Cache.SetResources(TypeA, Set("v2", ("a", "1"), ("c", "1")));
        await WaitForAsync(client, TypeA, "a=1,c=1");

        Assert.Equal([$"sent {TypeA} v2 1"], restarted.Observer.Matching($"sent {TypeA}"));
        Assert.True(client.StreamsOpened >= 2);
    }

    [Fact]
    public async Task DisposeAsync_CalledTwiceWhileReconnecting_StopsOnceWithoutThrowing()
    {
        // Nothing listens on port 1: the client keeps retrying until disposed.
        var client = new XdsClient(new XdsClientOptions { Address = new Uri("http://127.0.0.1:1"), Node = ClientNode() });
        client.SubscribeAll(TypeA);
        client.Start();

        await client.DisposeAsync().AsTask().WaitAsync(Timeout);
        await client.DisposeAsync().AsTask().WaitAsync(Timeout);
    }

    [Fact]
    public async Task Server_ServesStreams_PublishesXdsMetrics()
    {
        await using var server = await XdsTestServer.StartAsync();
        server.Cache.SetResources(TypeA, Set("v1", ("a", "1")));
        await using var client = NewClient(server, XdsProtocol.StateOfTheWorld);
        client.SubscribeAll(TypeA);
        client.Start();
        await WaitForAsync(client, TypeA, "a=1");
        await Eventually.TrueAsync(() => server.Observer.Matching("ack").Count > 0, Timeout, "the ACK");

        using var http = new HttpClient { BaseAddress = server.Host.Address(MeshPort.Monitoring), Timeout = Timeout };
        var metrics = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Contains("test_xds_streams{protocol=\"sotw\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains($"test_xds_pushes_total{{type_url=\"{TypeA}\"}} 1", metrics, StringComparison.Ordinal);
        Assert.Contains($"test_xds_acks_total{{type_url=\"{TypeA}\"}} 1", metrics, StringComparison.Ordinal);
    }

    private static XdsClient NewClient(XdsTestServer server, XdsProtocol protocol, Func<XdsClientResponse, string?>? validator = null) =>
        new(new XdsClientOptions
        {
            Address = server.Address,
            Node = ClientNode(),
            Protocol = protocol,
            Validator = validator,
            InitialBackoff = TimeSpan.FromMilliseconds(50),
            MaxBackoff = TimeSpan.FromMilliseconds(200),
        });

    private static ConcurrentQueue<XdsClientUpdate> Record(XdsClient client)
    {
        var updates = new ConcurrentQueue<XdsClientUpdate>();
        client.Updated += (_, u) => updates.Enqueue(u);
        return updates;
    }

    private static Task WaitForAsync(XdsClient client, string typeUrl, string expected) =>
        Eventually.ValueAsync(
            () => Task.FromResult(string.Join(",", client.Resources(typeUrl).Values.OrderBy(r => r.Name, StringComparer.Ordinal).Select(r => $"{r.Name}={Content(r.Body)}"))),
            state => state == expected,
            Timeout,
            $"client to hold {expected}");
}
