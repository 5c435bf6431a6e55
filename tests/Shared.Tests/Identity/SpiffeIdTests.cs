using ControlPlane.Shared.Identity;

namespace ControlPlane.Shared.Tests.Identity;

public sealed class SpiffeIdTests
{
    [Fact]
    public void Parse_WorkloadId_ExposesTrustDomainNamespaceAndServiceAccount()
    {
        var id = SpiffeId.Parse("spiffe://cluster.local/ns/default/sa/bookinfo-productpage");

        Assert.Equal("cluster.local", id.TrustDomain);
        Assert.Equal("/ns/default/sa/bookinfo-productpage", id.Path);
        Assert.Equal("default", id.Namespace);
        Assert.Equal("bookinfo-productpage", id.ServiceAccount);
        Assert.Equal("spiffe://cluster.local/ns/default/sa/bookinfo-productpage", id.ToString());
    }

    [Fact]
    public void ForServiceAccount_FormatsIstioStyleId_AndEqualsTheParsedForm()
    {
        var id = SpiffeId.ForServiceAccount("example.org", "shop", "cart");

        Assert.Equal(SpiffeId.Parse("spiffe://example.org/ns/shop/sa/cart"), id);
    }

    [Fact]
    public void Parse_NonWorkloadPath_HasNoNamespace()
    {
        var id = SpiffeId.Parse("spiffe://example.org/payments/db");

        Assert.Null(id.Namespace);
        Assert.Null(id.ServiceAccount);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("https://cluster.local/ns/a/sa/b", "scheme")]
    [InlineData("SPIFFE://cluster.local/ns/a/sa/b", "scheme")]
    [InlineData("spiffe:///ns/a/sa/b", "trust domain is missing")]
    [InlineData("spiffe://Cluster.Local/ns/a/sa/b", "trust domain")]
    [InlineData("spiffe://cluster.local:8080/ns/a", "trust domain")]
    [InlineData("spiffe://cluster.local/ns//sa/b", "empty segment")]
    [InlineData("spiffe://cluster.local/ns/a/sa/b/", "empty segment")]
    [InlineData("spiffe://cluster.local/ns/../sa/b", "'..'")]
    [InlineData("spiffe://cluster.local/ns/a/sa/b?x=1", "path segment")]
    public void TryParse_InvalidId_ReturnsFalseWithTheReason(string text, string reason)
    {
        Assert.False(SpiffeId.TryParse(text, out var id, out var error));
        Assert.Null(id);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InvalidId_ThrowsFormatExceptionQuotingTheInput()
    {
        var error = Assert.Throws<FormatException>(() => SpiffeId.Parse("spiffe://UPPER/x"));

        Assert.Contains("spiffe://UPPER/x", error.Message, StringComparison.Ordinal);
    }
}
