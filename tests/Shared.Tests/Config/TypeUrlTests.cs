using ControlPlane.Shared.Config;
using Google.Protobuf;
using Istio.Networking.V1Alpha3;
using Istio.Security.V1Beta1;

namespace ControlPlane.Shared.Tests.Config;

public sealed class TypeUrlTests
{
    [Theory]
    [InlineData("VirtualService", "type.googleapis.com/istio.networking.v1alpha3.VirtualService")]
    [InlineData("DestinationRule", "type.googleapis.com/istio.networking.v1alpha3.DestinationRule")]
    [InlineData("Gateway", "type.googleapis.com/istio.networking.v1alpha3.Gateway")]
    [InlineData("ServiceEntry", "type.googleapis.com/istio.networking.v1alpha3.ServiceEntry")]
    [InlineData("WorkloadEntry", "type.googleapis.com/istio.networking.v1alpha3.WorkloadEntry")]
    [InlineData("Sidecar", "type.googleapis.com/istio.networking.v1alpha3.Sidecar")]
    [InlineData("PeerAuthentication", "type.googleapis.com/istio.security.v1beta1.PeerAuthentication")]
    [InlineData("RequestAuthentication", "type.googleapis.com/istio.security.v1beta1.RequestAuthentication")]
    [InlineData("AuthorizationPolicy", "type.googleapis.com/istio.security.v1beta1.AuthorizationPolicy")]
    public void TypeUrl_EveryKind_MatchesIstioProtoFullName(string kind, string typeUrl)
    {
        Assert.True(ConfigKinds.TryFindByKind(kind, out var found));
        Assert.Equal(typeUrl, found.TypeUrl);
        Assert.True(ConfigKinds.TryFindByTypeUrl(typeUrl, out var byUrl));
        Assert.Same(found, byUrl);
    }

    [Fact]
    public void Selector_TypeUrls_AreInIstioTypePackage()
    {
        Assert.Equal("istio.type.v1beta1.WorkloadSelector", Istio.Type.V1Beta1.WorkloadSelector.Descriptor.FullName);
        Assert.Equal("istio.type.v1beta1.PolicyTargetReference", Istio.Type.V1Beta1.PolicyTargetReference.Descriptor.FullName);
    }

    [Fact]
    public void Serialize_VirtualServiceHostsAndRouteWeight_UsesUpstreamFieldNumbers()
    {
        var service = new VirtualService { Hosts = { "a" } };
        service.Http.Add(new HTTPRoute { Route = { new HTTPRouteDestination { Weight = 5 } } });

        var bytes = service.ToByteArray();

        // hosts = 1 (tag 0x0A "a"), http = 3 (tag 0x1A, length 4) holding route = 2 (0x12, length 2)
        // holding weight = 2 as a varint (0x10 0x05).
        Assert.Equal(new byte[] { 0x0A, 0x01, (byte)'a', 0x1A, 0x04, 0x12, 0x02, 0x10, 0x05 }, bytes);
    }

    [Fact]
    public void Serialize_AuthorizationPolicyAction_IsFieldThreeVarint()
    {
        var policy = new AuthorizationPolicy { Action = AuthorizationPolicy.Types.Action.Deny };

        Assert.Equal(new byte[] { 0x18, 0x01 }, policy.ToByteArray());
    }

    [Fact]
    public void Serialize_HttpRouteName_IsFieldSeventeen()
    {
        var route = new HTTPRoute { Name = "x" };

        // Field 17, wire type 2: (17 << 3) | 2 = 138 = varint 0x8A 0x01.
        Assert.Equal(new byte[] { 0x8A, 0x01, 0x01, (byte)'x' }, route.ToByteArray());
    }
}
