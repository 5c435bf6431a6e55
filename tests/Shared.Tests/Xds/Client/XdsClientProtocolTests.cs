using ControlPlane.Shared.Xds.Client;
using Envoy.Service.Discovery.V3;
using Google.Protobuf.WellKnownTypes;
using static ControlPlane.Shared.Tests.Xds.TestResources;

namespace ControlPlane.Shared.Tests.Xds.Client;

public sealed class XdsClientProtocolTests
{
    private readonly XdsClientOptions _options = new() { Node = ClientNode() };

    [Fact]
    public void DeltaOpen_AfterReconnect_SendsHeldVersionsAsInitialResourceVersions()
    {
        var state = Subscribed(wildcard: true);
        state.Resources["a"] = new XdsClientResource("a", "va", Any.Pack(Body("a", "1")));
        var protocol = new DeltaClientProtocol(_options);

        var request = Assert.Single(protocol.Open([state]));

        Assert.Equal(ClientNode().Id, request.Node.Id);
        Assert.Equal(["*"], request.ResourceNamesSubscribe);
        Assert.Equal("va", request.InitialResourceVersions["a"]);
    }

    [Fact]
    public void DeltaSubscriptionChanged_SendsOnlyTheDifference()
    {
        var state = Subscribed(wildcard: false, "a", "b");
        var protocol = new DeltaClientProtocol(_options);
        protocol.Open([state]);

        state.Names.Remove("a");
        state.Names.Add("c");
        var request = protocol.SubscriptionChanged(state)!;

        Assert.Null(request.Node);
        Assert.Equal(["c"], request.ResourceNamesSubscribe);
        Assert.Equal(["a"], request.ResourceNamesUnsubscribe);
    }

    [Fact]
    public void SotwResponse_Rejected_NacksWithNonceAndKeepsTheAcceptedVersion()
    {
        var options = new XdsClientOptions { Node = ClientNode(), Validator = _ => "nope" };
        var state = Subscribed(wildcard: true);
        state.AcceptedVersion = "v1";
        var protocol = new SotwClientProtocol(options);
        protocol.Open([state]);

        var step = protocol.OnResponse(Response("v2", "n2", ("a", "2")), _ => state);

        Assert.Equal("v1", step.Reply!.VersionInfo);
        Assert.Equal("n2", step.Reply.ResponseNonce);
        Assert.Equal("nope", step.Reply.ErrorDetail.Message);
        Assert.Equal("v1", state.AcceptedVersion);
        Assert.Null(step.Update);
    }

    [Fact]
    public void DeltaResponse_ValidatorThrows_NacksWithItsMessage()
    {
        var options = new XdsClientOptions { Node = ClientNode(), Validator = _ => throw new InvalidOperationException("boom") };
        var state = Subscribed(wildcard: true);
        var protocol = new DeltaClientProtocol(options);
        protocol.Open([state]);
        var response = new DeltaDiscoveryResponse { TypeUrl = TypeA, SystemVersionInfo = "v1", Nonce = "n1" };
        response.Resources.Add(new Resource { Name = "a", Version = "1", Resource_ = Any.Pack(Body("a", "1")) });

        var step = protocol.OnResponse(response, _ => state);

        Assert.Equal("n1", step.Reply!.ResponseNonce);
        Assert.Equal("validator failed: boom", step.Reply.ErrorDetail.Message);
        Assert.Empty(state.Resources);
    }

    [Fact]
    public void SotwResponse_AfterUnsubscribe_RestatesTheEmptySubscriptionWithTheLatestNonce()
    {
        var state = Subscribed(wildcard: false, "a");
        var protocol = new SotwClientProtocol(_options);
        protocol.Open([state]);
        protocol.OnResponse(Response("v1", "n1", ("a", "1")), _ => state);
        state.Subscribed = false;
        state.Names.Clear();

        var step = protocol.OnResponse(Response("v2", "n2", ("a", "2")), _ => state);

        Assert.Equal("n2", step.Reply!.ResponseNonce);
        Assert.Empty(step.Reply.ResourceNames);
        Assert.Null(step.Update);
    }

    [Fact]
    public void SotwResponse_NamedTypeNotFullState_KeepsResourcesLeftOut()
    {
        var state = Subscribed(wildcard: false, "a", "b");
        var protocol = new SotwClientProtocol(_options);
        protocol.Open([state]);
        protocol.OnResponse(Response("v1", "n1", ("a", "1"), ("b", "1")), _ => state);

        var step = protocol.OnResponse(Response("v2", "n2", ("a", "2")), _ => state);

        Assert.Equal(["a", "b"], state.Resources.Keys.Order());
        Assert.Equal("v2", step.Reply!.VersionInfo);
        Assert.Empty(step.Update!.Removed);
    }

    [Fact]
    public void SotwResponse_FullStateType_DeletesResourcesLeftOut()
    {
        _options.FullStateTypeUrls.Add(TypeA);
        var state = Subscribed(wildcard: false, "a", "b");
        var protocol = new SotwClientProtocol(_options);
        protocol.Open([state]);
        protocol.OnResponse(Response("v1", "n1", ("a", "1"), ("b", "1")), _ => state);

        var step = protocol.OnResponse(Response("v2", "n2", ("a", "2")), _ => state);

        Assert.Equal(["b"], step.Update!.Removed);
    }

    [Fact]
    public void FromBody_MessageWithStringFieldOne_ReturnsIt()
    {
        Assert.Equal("a", XdsResourceNames.FromBody(Any.Pack(Body("a", "1"))));
        Assert.Equal("w", XdsResourceNames.FromBody(Any.Pack(new Resource { Name = "w" })));
        Assert.Null(XdsResourceNames.FromBody(Any.Pack(new Empty())));
    }

    private static XdsClientTypeState Subscribed(bool wildcard, params string[] names)
    {
        var state = new XdsClientTypeState(TypeA) { Subscribed = true, Wildcard = wildcard };
        state.Names.UnionWith(names);
        return state;
    }

    private static DiscoveryResponse Response(string version, string nonce, params (string Name, string Content)[] resources)
    {
        var response = new DiscoveryResponse { TypeUrl = TypeA, VersionInfo = version, Nonce = nonce };
        response.Resources.Add(resources.Select(r => Any.Pack(Body(r.Name, r.Content))));
        return response;
    }
}
