using ControlPlane.Shared.Registry;

namespace ControlPlane.Shared.Tests.Registry;

public sealed class LabelSelectorTests
{
    private static readonly Dictionary<string, string> Labels = new() { ["app"] = "reviews", ["version"] = "v1" };

    [Fact]
    public void Selects_EveryKeyWithTheSameValue_Selects() =>
        Assert.True(LabelSelector.Selects(new Dictionary<string, string> { ["app"] = "reviews" }, Labels));

    [Fact]
    public void Selects_AnEmptySelector_SelectsEverything() =>
        Assert.True(LabelSelector.Selects(LabelSelector.None, Labels));

    [Fact]
    public void Selects_ADifferentValueOrAMissingKey_DoesNotSelect()
    {
        Assert.False(LabelSelector.Selects(new Dictionary<string, string> { ["version"] = "v2" }, Labels));
        Assert.False(LabelSelector.Selects(new Dictionary<string, string> { ["app"] = "reviews", ["tier"] = "web" }, Labels));
        Assert.False(LabelSelector.Selects(Labels, LabelSelector.None));
    }

    [Fact]
    public void Format_PrintsKeysSortedAsKubernetesDoes() =>
        Assert.Equal("app=reviews,version=v1", LabelSelector.Format(new Dictionary<string, string> { ["version"] = "v1", ["app"] = "reviews" }));
}
