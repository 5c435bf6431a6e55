using ControlPlane.Shared.Registry;

namespace ControlPlane.Shared.Tests.Registry;

public sealed class FqdnTests
{
    [Theory]
    [InlineData("reviews", "default", "cluster.local", "reviews.default.svc.cluster.local")]
    [InlineData("reviews", "shop", "corp.internal", "reviews.shop.svc.corp.internal")]
    [InlineData("reviews.other", "default", "cluster.local", "reviews.other")]
    [InlineData("api.example.com", "default", "cluster.local", "api.example.com")]
    [InlineData("*.example.com", "default", "cluster.local", "*.example.com")]
    [InlineData("*", "default", "cluster.local", "*")]
    public void Qualify_ShortNameBecomesAClusterServiceName_OthersStayAsWritten(string host, string ns, string clusterDomain, string expected) =>
        Assert.Equal(expected, Fqdn.Qualify(host, ns, clusterDomain));

    [Fact]
    public void Qualify_WithoutAClusterDomain_UsesClusterLocal() =>
        Assert.Equal("ratings.default.svc.cluster.local", Fqdn.Qualify("ratings", "default"));

    [Theory]
    [InlineData("api.example.com", "API.example.com", true)]
    [InlineData("*.example.com", "api.example.com", true)]
    [InlineData("api.example.com", "*.example.com", true)]
    [InlineData("*.example.com", "*.api.example.com", true)]
    [InlineData("*.api.example.com", "*.example.com", true)]
    [InlineData("*", "anything.at.all", true)]
    [InlineData("*.example.com", "example.org", false)]
    [InlineData("*.example.com", "*.example.org", false)]
    [InlineData("api.example.com", "web.example.com", false)]
    public void Matches_HostsOverlap_WhenEqualOrAWildcardSuffixCoversTheOther(string a, string b, bool expected)
    {
        Assert.Equal(expected, Fqdn.Matches(a, b));
        Assert.Equal(expected, Fqdn.Matches(b, a));
    }

    [Theory]
    [InlineData("*.example.com", "api.example.com", true)]
    [InlineData("*.example.com", "*.api.example.com", true)]
    [InlineData("*", "reviews.default.svc.cluster.local", true)]
    [InlineData("*.api.example.com", "*.example.com", false)]
    [InlineData("api.example.com", "api.example.com", false)]
    public void Covers_OnlyAWildcardCoversAHost_AndNotABroaderWildcard(string wildcard, string host, bool expected) =>
        Assert.Equal(expected, Fqdn.Covers(wildcard, host));
}
