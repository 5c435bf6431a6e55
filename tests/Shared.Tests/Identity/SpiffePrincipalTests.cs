using ControlPlane.Shared.Identity;

namespace ControlPlane.Shared.Tests.Identity;

public sealed class SpiffePrincipalTests
{
    [Theory]
    [InlineData("spiffe://cluster.local/ns/default/sa/reviews", "default")]
    [InlineData("spiffe://cluster.local/ns/foo", "foo")]
    [InlineData("spiffe://cluster.local/ns//sa/reviews", null)]
    [InlineData("cluster.local/ns/default/sa/reviews", null)]
    [InlineData("spiffe://cluster.local/workload", null)]
    [InlineData(null, null)]
    public void Namespace_ReadsTheNsSegmentOfASpiffeUri(string? principal, string? expected) =>
        Assert.Equal(expected, SpiffePrincipal.Namespace(principal));

    [Theory]
    [InlineData("cluster.local/ns/default/sa/reviews", "default/reviews")]
    [InlineData("spiffe://cluster.local/ns/default/sa/reviews", "default/reviews")]
    [InlineData("cluster.local/sa/reviews/ns/default", null)]
    [InlineData(null, null)]
    public void ServiceAccount_IsNamespaceSlashAccount(string? principal, string? expected) =>
        Assert.Equal(expected, SpiffePrincipal.ServiceAccount(principal));

    [Theory]
    [InlineData("cluster.local/ns/default/sa/reviews", "cluster.local")]
    [InlineData("spiffe://td.example/ns/default/sa/reviews", "td.example")]
    [InlineData("/ns/default", null)]
    [InlineData(null, null)]
    public void TrustDomain_IsWhatPrecedesTheFirstSlash(string? principal, string? expected) =>
        Assert.Equal(expected, SpiffePrincipal.TrustDomain(principal));
}
