using ControlPlane.Shared.Registry;

namespace ControlPlane.Shared.Tests.Registry;

public sealed class ExportToTests
{
    [Theory]
    [InlineData(new string[0], "*")]
    [InlineData(new[] { "*" }, "*")]
    [InlineData(new[] { "." }, "shop")]
    [InlineData(new[] { ".", "prod" }, "prod,shop")]
    [InlineData(new[] { " other " }, "other")]
    [InlineData(new[] { "~" }, "")]
    public void Resolve_EmptyIsEveryNamespace_DotIsTheOwnNamespace_TildeIsNone(string[] exportTo, string expected) =>
        Assert.Equal(expected, string.Join(',', ExportTo.Resolve(exportTo, "shop").Order(StringComparer.Ordinal)));

    [Theory]
    [InlineData(null, "*")]
    [InlineData("", "*")]
    [InlineData(".,other", "other,shop")]
    [InlineData("~", "")]
    public void FromAnnotation_ReadsTheCommaSeparatedServiceAnnotation(string? annotation, string expected) =>
        Assert.Equal(expected, string.Join(',', ExportTo.FromAnnotation(annotation, "shop").Order(StringComparer.Ordinal)));

    [Theory]
    [InlineData(new string[0], "shop")]
    [InlineData(new[] { "*" }, "shop")]
    [InlineData(new[] { ".", "prod" }, "shop,prod")]
    public void ReferrerScopes_AReferrerExportedEverywhereLooksFromItsOwnNamespace(string[] exportTo, string expected) =>
        Assert.Equal(expected, string.Join(',', ExportTo.ReferrerScopes(exportTo, "shop")));

    [Fact]
    public void IsVisible_AllOrTheNamespaceItself()
    {
        Assert.True(ExportTo.IsVisible(ExportTo.Resolve([], "shop"), "anywhere"));
        Assert.True(ExportTo.IsVisible(ExportTo.Resolve(["."], "shop"), "shop"));
        Assert.False(ExportTo.IsVisible(ExportTo.Resolve(["."], "shop"), "other"));
        Assert.False(ExportTo.IsVisible(ExportTo.Resolve(["~"], "shop"), "shop"));
    }
}
