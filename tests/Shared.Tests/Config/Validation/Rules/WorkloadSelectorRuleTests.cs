using ControlPlane.TestSupport;
using ControlPlane.Shared.Config;

namespace ControlPlane.Shared.Tests.Config.Validation.Rules;

public sealed class WorkloadSelectorRuleTests
{
    [Fact]
    public void Validate_SelectorWithLabels_IsClean() =>
        ValidationAssert.Clean(TestObjects.Create(ConfigKinds.PeerAuthentication, "{'selector':{'matchLabels':{'app':'reviews'}},'mtls':{'mode':'STRICT'}}"));

    [Theory]
    [InlineData("{'app':'rev*'}", "spec.selector.matchLabels.app", "wildcard is not supported in selector: \"app=rev*\"")]
    [InlineData("{'app':'bad value'}", "spec.selector.matchLabels.app", "invalid tag value: \"bad value\"")]
    public void Validate_BadSelectorLabel_ReportsLabel(string labels, string path, string message) => ValidationAssert.SingleError(
        TestObjects.Create(ConfigKinds.PeerAuthentication, "{'selector':{'matchLabels':" + labels + "},'mtls':{'mode':'STRICT'}}"), path, message);

    [Fact]
    public void Validate_SidecarSelectorWithoutLabels_Warns() => ValidationAssert.SingleWarning(
        TestObjects.Create(ConfigKinds.Sidecar, "{'workloadSelector':{},'egress':[{'hosts':['./*']}]}"),
        "spec.workloadSelector",
        "workload selector specified without labels, will be applied to all workloads in the namespace");
}
