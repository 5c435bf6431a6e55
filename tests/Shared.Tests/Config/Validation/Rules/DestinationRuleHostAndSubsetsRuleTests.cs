using ControlPlane.TestSupport;
using ControlPlane.Shared.Config;

namespace ControlPlane.Shared.Tests.Config.Validation.Rules;

public sealed class DestinationRuleHostAndSubsetsRuleTests
{
    [Fact]
    public void Validate_HostAndUniqueSubsets_IsClean() => ValidationAssert.Clean(Dr(
        "{'host':'reviews.default.svc.cluster.local','subsets':[{'name':'v1','labels':{'version':'v1'}},{'name':'v2','labels':{'version':'v2','app.kubernetes.io/name':'reviews'}}]}"));

    [Theory]
    [InlineData("{'host':''}", "spec.host", "empty domain name not allowed")]
    [InlineData("{'host':'bad_host'}", "spec.host", "domain name \"bad_host\" invalid (label \"bad_host\" invalid)")]
    [InlineData("{'host':'r','subsets':[{'name':'v1'},{'name':'v1'}]}", "spec.subsets[1].name", "duplicate subset names: v1")]
    [InlineData("{'host':'r','subsets':[{'name':'V_1'}]}", "spec.subsets[0].name", "subset name is invalid: V_1")]
    [InlineData("{'host':'r','subsets':[{'labels':{'version':'v1'}}]}", "spec.subsets[0].name", "subset name cannot be empty")]
    [InlineData("{'host':'r','subsets':[{'name':'v1','labels':{'-bad':'v1'}}]}", "spec.subsets[0].labels.-bad", "invalid tag key: \"-bad\"")]
    public void Validate_BadHostOrSubset_ReportsField(string json, string path, string message) =>
        ValidationAssert.SingleError(Dr(json), path, message);

    private static ConfigObject Dr(string json) => TestObjects.Create(ConfigKinds.DestinationRule, json);
}
