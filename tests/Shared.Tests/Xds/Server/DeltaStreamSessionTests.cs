using Envoy.Service.Discovery.V3;
using static ControlPlane.Shared.Tests.Xds.TestResources;

namespace ControlPlane.Shared.Tests.Xds.Server;

public sealed class DeltaStreamSessionTests
{
    private readonly SessionFixture _fixture = new();

    public DeltaStreamSessionTests() => _fixture.Cache.SetResources(TypeA, Set("v1", ("a", "1"), ("b", "1"), ("c", "1")));

    [Fact]
    public void OnRequest_EmptyInitialSubscription_IsWildcardAndSendsEveryResource()
    {
        var response = Assert.Single(_fixture.Delta().OnRequest(Subscribe()));

        Assert.Equal("v1", response.SystemVersionInfo);
        Assert.Equal(["a", "b", "c"], response.Resources.Select(r => r.Name));
        Assert.All(response.Resources, r => Assert.False(string.IsNullOrEmpty(r.Version)));
        Assert.Empty(response.RemovedResources);
    }

    [Fact]
    public void OnRequest_ReconnectBeforeTheTypeIsLoaded_RemovesNothingAndAnswersOnceLoaded()
    {
        var session = _fixture.Delta();
        var request = new DeltaDiscoveryRequest { Node = ClientNode(), TypeUrl = TypeB };
        request.InitialResourceVersions["x"] = LocalityResource("x", "z").Version;

        var early = session.OnRequest(request);
        _fixture.Cache.SetResources(TypeB, new("l1", [LocalityResource("x", "z")]));
        var late = Assert.Single(session.OnChange([TypeB]));

        Assert.Empty(early);
        Assert.Empty(late.Resources);
        Assert.Empty(late.RemovedResources);
        Assert.Equal("l1", late.SystemVersionInfo);
    }

    [Fact]
    public void OnChange_SendsOnlyChangedResourcesAndRemovals()
    {
        var session = _fixture.Delta();
        session.OnRequest(Subscribe("*"));

        _fixture.Cache.SetResources(TypeA, Set("v2", ("a", "1"), ("b", "2"), ("d", "1")));
        var response = Assert.Single(session.OnChange([TypeA]));

        Assert.Equal(["b", "d"], response.Resources.Select(r => r.Name));
        Assert.Equal(["c"], response.RemovedResources);
    }

    [Fact]
    public void OnChange_NothingSubscribedChanged_SendsNothing()
    {
        var session = _fixture.Delta();
        session.OnRequest(Subscribe("a"));

        _fixture.Cache.SetResources(TypeA, Set("v2", ("a", "1"), ("b", "2")));

        Assert.Empty(session.OnChange([TypeA]));
    }

    [Fact]
    public void OnRequest_InitialResourceVersions_SendsOnlyDifferencesAndRemovesDeleted()
    {
        var heldA = Resource("a", "1").Version;
        var request = Subscribe("*");
        request.InitialResourceVersions["a"] = heldA;
        request.InitialResourceVersions["b"] = "stale";
        request.InitialResourceVersions["gone"] = "old";

        var response = Assert.Single(_fixture.Delta().OnRequest(request));

        Assert.Equal(["b", "c"], response.Resources.Select(r => r.Name));
        Assert.Equal(["gone"], response.RemovedResources);
    }

    [Fact]
    public void OnRequest_SubscribeToNameThatDoesNotExist_ReportsItRemoved()
    {
        var session = _fixture.Delta();
        var first = Assert.Single(session.OnRequest(Subscribe("a")));

        var response = Assert.Single(session.OnRequest(Change(first, subscribe: ["b", "nope"])));

        Assert.Equal(["b"], response.Resources.Select(r => r.Name));
        Assert.Equal(["nope"], response.RemovedResources);
    }

    [Fact]
    public void OnRequest_Unsubscribe_StopsUpdatesForThatName()
    {
        var session = _fixture.Delta();
        var first = Assert.Single(session.OnRequest(Subscribe("a", "b")));

        Assert.Empty(session.OnRequest(Change(first, unsubscribe: ["b"])));
        _fixture.Cache.SetResources(TypeA, Set("v2", ("a", "2"), ("b", "2")));
        var response = Assert.Single(session.OnChange([TypeA]));

        Assert.Equal(["a"], response.Resources.Select(r => r.Name));
        Assert.Empty(response.RemovedResources);
    }

    [Fact]
    public void OnRequest_UnsubscribeWildcard_LeavesOnlyNamedResources()
    {
        var session = _fixture.Delta();
        var first = Assert.Single(session.OnRequest(Subscribe("*", "a")));

        session.OnRequest(Change(first, unsubscribe: ["*"]));
        _fixture.Cache.SetResources(TypeA, Set("v2", ("a", "2"), ("b", "2"), ("c", "2")));
        var response = Assert.Single(session.OnChange([TypeA]));

        Assert.Equal(["a"], response.Resources.Select(r => r.Name));
    }

    [Fact]
    public void OnRequest_Nack_IsRecordedAndTheSameVersionIsNotResent()
    {
        var session = _fixture.Delta();
        var first = Assert.Single(session.OnRequest(Subscribe()));

        var nack = Change(first);
        nack.ErrorDetail = new Google.Rpc.Status { Code = 3, Message = "bad b" };
        Assert.Empty(session.OnRequest(nack));
        Assert.Empty(session.OnChange([TypeA]));
        _fixture.Cache.SetResources(TypeA, Set("v2", ("a", "1"), ("b", "2"), ("c", "1")));
        var next = Assert.Single(session.OnChange([TypeA]));

        Assert.Contains($"nack {TypeA} v1 bad b", _fixture.Observer.Events);
        Assert.Equal(["b"], next.Resources.Select(r => r.Name));
    }

    [Fact]
    public void OnRequest_Ack_RecordsTheVersionOfThatNonce()
    {
        var session = _fixture.Delta();
        var first = Assert.Single(session.OnRequest(Subscribe()));

        session.OnRequest(Change(first));

        Assert.Contains($"ack {TypeA} v1", _fixture.Observer.Events);
    }

    [Fact]
    public void OnRequest_UnknownNonceWithSubscriptionChange_StillAppliesTheChange()
    {
        var session = _fixture.Delta();
        Assert.Single(session.OnRequest(Subscribe("a")));

        var request = new DeltaDiscoveryRequest { TypeUrl = TypeA, ResponseNonce = "999" };
        request.ResourceNamesSubscribe.Add("c");
        var response = Assert.Single(session.OnRequest(request));

        Assert.Equal(["c"], response.Resources.Select(r => r.Name));
        Assert.Empty(_fixture.Observer.Matching("ack"));
    }

    [Fact]
    public void OnRequest_TwoStreams_ShareTheSerializedResourceInstances()
    {
        var one = Assert.Single(_fixture.Delta().OnRequest(Subscribe("a")));
        var two = Assert.Single(_fixture.Delta().OnRequest(Subscribe("a")));

        Assert.Same(one.Resources[0], two.Resources[0]);
        Assert.Same(one.Resources[0].Resource_.Value, two.Resources[0].Resource_.Value);
    }

    private static DeltaDiscoveryRequest Subscribe(params string[] names)
    {
        var request = new DeltaDiscoveryRequest { Node = ClientNode(), TypeUrl = TypeA };
        request.ResourceNamesSubscribe.Add(names);
        return request;
    }

    private static DeltaDiscoveryRequest Change(DeltaDiscoveryResponse after, string[]? subscribe = null, string[]? unsubscribe = null)
    {
        var request = new DeltaDiscoveryRequest { TypeUrl = after.TypeUrl, ResponseNonce = after.Nonce };
        request.ResourceNamesSubscribe.Add(subscribe ?? []);
        request.ResourceNamesUnsubscribe.Add(unsubscribe ?? []);
        return request;
    }
}
