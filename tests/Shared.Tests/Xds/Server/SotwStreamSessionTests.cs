using ControlPlane.Shared.Xds.Server;
using Envoy.Config.Core.V3;
using Envoy.Service.Discovery.V3;
using static ControlPlane.Shared.Tests.Xds.TestResources;

namespace ControlPlane.Shared.Tests.Xds.Server;

public sealed class SotwStreamSessionTests
{
    private readonly SessionFixture _fixture = new();

    public SotwStreamSessionTests() => _fixture.Cache.SetResources(TypeA, Set("v1", ("a", "1"), ("b", "1"), ("c", "1")));

    [Fact]
    public void OnRequest_FirstRequestWithoutNode_ThrowsProtocolError()
    {
        var session = _fixture.Sotw();

        var error = Assert.Throws<XdsProtocolException>(() => session.OnRequest(new DiscoveryRequest { TypeUrl = TypeA }));

        Assert.Contains("node", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OnRequest_EmptyTypeUrl_ThrowsProtocolError()
    {
        var session = _fixture.Sotw();

        Assert.Throws<XdsProtocolException>(() => session.OnRequest(new DiscoveryRequest { Node = ClientNode() }));
    }

    [Fact]
    public void OnRequest_EmptyFirstRequest_IsWildcardAndSendsEveryResource()
    {
        var response = Assert.Single(_fixture.Sotw().OnRequest(First()));

        Assert.Equal("v1", response.VersionInfo);
        Assert.Equal(TypeA, response.TypeUrl);
        Assert.NotEmpty(response.Nonce);
        Assert.Equal(["a", "b", "c"], Names(response));
    }

    [Fact]
    public void OnRequest_ExplicitWildcardWithName_SendsEveryResource()
    {
        var response = Assert.Single(_fixture.Sotw().OnRequest(First("*", "a")));

        Assert.Equal(["a", "b", "c"], Names(response));
    }

    [Fact]
    public void OnRequest_NamedSubscription_SendsOnlyNamedResourcesThatExist()
    {
        var response = Assert.Single(_fixture.Sotw().OnRequest(First("b", "missing")));

        Assert.Equal(["b"], Names(response));
        var status = Assert.Single(Assert.Single(_fixture.Status.Clients()).Types);
        Assert.Equal(["b", "missing"], status.Subscription!.Names.Order());
        Assert.False(status.Subscription.IsWildcard);
    }

    [Fact]
    public void OnRequest_TypeNotLoadedYet_AnswersOnlyOnceItIsSet()
    {
        var session = _fixture.Sotw();

        var early = session.OnRequest(new DiscoveryRequest { Node = ClientNode(), TypeUrl = TypeB });
        _fixture.Cache.SetResources(TypeB, new("l1", [LocalityResource("x", "z")]));
        var late = Assert.Single(session.OnChange([TypeB]));

        Assert.Empty(early);
        Assert.Equal("l1", late.VersionInfo);
    }

    [Fact]
    public void OnChange_TypeLeftOutOfTheNextSnapshot_SendsItEmpty()
    {
        var session = _fixture.Sotw();
        session.OnRequest(First());

        _fixture.Cache.SetSnapshot(Shared.Xds.XdsSnapshot.Empty);
        var response = Assert.Single(session.OnChange([TypeA]));

        Assert.Empty(response.Resources);
    }

    [Fact]
    public void OnRequest_AckWithLatestNonce_RecordsAckAndSendsNothing()
    {
        var session = _fixture.Sotw();
        var sent = Assert.Single(session.OnRequest(First()));

        var responses = session.OnRequest(Ack(sent));

        Assert.Empty(responses);
        Assert.Contains($"ack {TypeA} v1", _fixture.Observer.Events);
        Assert.True(Assert.Single(Assert.Single(_fixture.Status.Clients()).Types).IsSynced);
    }

    [Fact]
    public void OnRequest_LaterRequestWithoutNode_ReusesTheFirstNode()
    {
        var session = _fixture.Sotw();
        var sent = Assert.Single(session.OnRequest(First()));

        var ack = Ack(sent);
        ack.Node = null;
        session.OnRequest(ack);

        Assert.Equal(ClientNode().Id, session.Context!.NodeId);
    }

    [Fact]
    public void OnRequest_StaleNonce_IsIgnoredIncludingItsSubscriptionChange()
    {
        var session = _fixture.Sotw();
        var first = Assert.Single(session.OnRequest(First("a")));
        _fixture.Cache.SetResources(TypeA, Set("v2", ("a", "2")));
        Assert.Single(session.OnChange([TypeA]));

        var stale = Ack(first, "a", "b");
        var responses = session.OnRequest(stale);

        Assert.Empty(responses);
        Assert.Empty(_fixture.Observer.Matching("ack"));
    }

    [Fact]
    public void OnRequest_Nack_IsRecordedAndTheSameVersionIsNotResent()
    {
        var session = _fixture.Sotw();
        var sent = Assert.Single(session.OnRequest(First()));

        var nack = Ack(sent);
        nack.ErrorDetail = new Google.Rpc.Status { Code = 3, Message = "bad cluster c" };
        var afterNack = session.OnRequest(nack);
        var afterOtherChange = session.OnChange([TypeA]);

        Assert.Empty(afterNack);
        Assert.Empty(afterOtherChange);
        Assert.Contains($"nack {TypeA} v1 bad cluster c", _fixture.Observer.Events);
        var status = Assert.Single(Assert.Single(_fixture.Status.Clients()).Types);
        Assert.Equal("bad cluster c", status.LastNack!.Message);
        Assert.False(status.IsSynced);
    }

    [Fact]
    public void OnChange_AfterNack_SendsTheNextRealChange()
    {
        var session = _fixture.Sotw();
        var sent = Assert.Single(session.OnRequest(First()));
        var nack = Ack(sent);
        nack.ErrorDetail = new Google.Rpc.Status { Message = "no" };
        session.OnRequest(nack);

        _fixture.Cache.SetResources(TypeA, Set("v2", ("a", "2")));
        var next = Assert.Single(session.OnChange([TypeA]));

        Assert.Equal("v2", next.VersionInfo);
        Assert.Equal(["a"], Names(next));
    }

    [Fact]
    public void OnChange_WildcardResourceDeleted_ResponseOmitsIt()
    {
        var session = _fixture.Sotw();
        session.OnRequest(First());

        _fixture.Cache.SetResources(TypeA, Set("v2", ("a", "1"), ("c", "2")));
        var response = Assert.Single(session.OnChange([TypeA]));

        Assert.Equal(["a", "c"], Names(response));
    }

    [Fact]
    public void OnChange_SubscribedResourcesUnchanged_SendsNothing()
    {
        var session = _fixture.Sotw();
        session.OnRequest(First("a"));

        _fixture.Cache.SetResources(TypeA, Set("v2", ("a", "1"), ("b", "2")));

        Assert.Empty(session.OnChange([TypeA]));
    }

    [Fact]
    public void OnRequest_EmptyNamesAfterNamed_UnsubscribesFromEverything()
    {
        var session = _fixture.Sotw();
        var sent = Assert.Single(session.OnRequest(First("a")));

        session.OnRequest(Ack(sent, []));
        _fixture.Cache.SetResources(TypeA, Set("v2", ("a", "2")));

        Assert.Empty(session.OnChange([TypeA]));
    }

    [Fact]
    public void OnRequest_ChangedNames_RespondsWithTheNewSet()
    {
        var session = _fixture.Sotw();
        var sent = Assert.Single(session.OnRequest(First("a")));

        var response = Assert.Single(session.OnRequest(Ack(sent, "a", "c")));

        Assert.Equal(["a", "c"], Names(response));
    }

    [Fact]
    public void OnChange_SeveralTypes_PushesInTheNotifiedOrder()
    {
        _fixture.Cache.SetResources(TypeB, new(("l1"), [LocalityResource("l1", "z1")]));
        var session = _fixture.Sotw();
        session.OnRequest(First());
        session.OnRequest(new DiscoveryRequest { TypeUrl = TypeB });
        _fixture.Cache.SetResources(TypeA, Set("v2", ("a", "2")));
        _fixture.Cache.SetResources(TypeB, new("l2", [LocalityResource("l1", "z2")]));

        var responses = session.OnChange([TypeB, TypeA]);

        Assert.Equal([TypeB, TypeA], responses.Select(r => r.TypeUrl));
    }

    [Fact]
    public void OnRequest_TwoStreams_ShareTheSerializedResourceInstances()
    {
        var one = Assert.Single(_fixture.Sotw().OnRequest(First("a")));
        var two = Assert.Single(_fixture.Sotw().OnRequest(First("a")));

        Assert.Same(one.Resources[0], two.Resources[0]);
        Assert.Same(one.Resources[0].Value, two.Resources[0].Value);
    }

    private static DiscoveryRequest First(params string[] names)
    {
        var request = new DiscoveryRequest { Node = ClientNode(), TypeUrl = TypeA };
        request.ResourceNames.Add(names);
        return request;
    }

    private static DiscoveryRequest Ack(DiscoveryResponse response, params string[] names)
    {
        var request = new DiscoveryRequest { TypeUrl = response.TypeUrl, VersionInfo = response.VersionInfo, ResponseNonce = response.Nonce };
        request.ResourceNames.Add(names);
        return request;
    }

    private static List<string> Names(DiscoveryResponse response) => response.Resources.Select(r => r.Unpack<Node>().Id).ToList();
}
