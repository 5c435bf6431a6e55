using ControlPlane.Shared.Config;

namespace ControlPlane.Shared.Tests.Config;

public sealed class ConfigKindsTests
{
    [Theory]
    [InlineData("networking.istio.io/v1alpha3")]
    [InlineData("networking.istio.io/v1beta1")]
    [InlineData("networking.istio.io/v1")]
    public void TryFind_NetworkingVersions_AllServeVirtualService(string apiVersion)
    {
        Assert.True(ConfigKinds.TryFind(apiVersion, "VirtualService", out var kind));
        Assert.Same(ConfigKinds.VirtualService, kind);
        Assert.True(kind.Serves(apiVersion));
    }

    [Theory]
    [InlineData("security.istio.io/v1beta1")]
    [InlineData("security.istio.io/v1")]
    public void TryFind_SecurityVersions_AllServeAuthorizationPolicy(string apiVersion)
    {
        Assert.True(ConfigKinds.TryFind(apiVersion, "AuthorizationPolicy", out var kind));
        Assert.Same(ConfigKinds.AuthorizationPolicy, kind);
    }

    [Theory]
    [InlineData("security.istio.io/v1alpha1", "AuthorizationPolicy")]
    [InlineData("networking.istio.io/v2", "VirtualService")]
    [InlineData("networking.istio.io/v1", "EnvoyFilter")]
    [InlineData("security.istio.io/v1", "VirtualService")]
    public void TryFind_UnservedPair_ReturnsFalse(string apiVersion, string kind)
    {
        Assert.False(ConfigKinds.TryFind(apiVersion, kind, out _));
    }

    [Fact]
    public void All_HasNineDistinctKinds()
    {
        Assert.Equal(9, ConfigKinds.All.Select(k => k.Kind).Distinct().Count());
    }

    [Theory]
    [InlineData("networking.istio.io", true)]
    [InlineData("telemetry.istio.io", true)]
    [InlineData("cert-manager.io", false)]
    [InlineData("apps", false)]
    public void IsIstioGroup_Group_MatchesIstioDomain(string group, bool expected)
    {
        Assert.Equal(expected, ConfigKinds.IsIstioGroup(group));
    }
}
