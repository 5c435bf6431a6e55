using ControlPlane.TestSupport;
using ControlPlane.Shared.Config;

namespace ControlPlane.Shared.Tests.Config.Validation.Rules;

public sealed class VirtualServiceWeightsRuleTests
{
    [Theory]
    [InlineData("[{'destination':{'host':'r','subset':'v2'},'weight':50},{'destination':{'host':'r','subset':'v3'},'weight':50}]")]
    [InlineData("[{'destination':{'host':'r','subset':'v1'},'weight':100},{'destination':{'host':'r','subset':'v2'},'weight':0}]")]
    [InlineData("[{'destination':{'host':'r'}}]")]
    public void Validate_WeightsSummingTo100OrSingleDestination_IsClean(string route) => ValidationAssert.Clean(Route(route));

    [Theory]
    [InlineData("[{'destination':{'host':'r','subset':'v1'},'weight':50},{'destination':{'host':'r','subset':'v2'},'weight':40}]", "spec.http[0].route", "total destination weight 90 != 100")]
    [InlineData("[{'destination':{'host':'r'},'weight':150}]", "spec.http[0].route[0].weight", "weight 150 must be in the range 0..100")]
    [InlineData("[{'destination':{'host':'r','subset':'v1'},'weight':110},{'destination':{'host':'r','subset':'v2'},'weight':-10}]", "spec.http[0].route[0].weight", "weight 110 must be in the range 0..100")]
    public void Validate_BadWeights_ReportsWeightPath(string route, string path, string message)
    {
        var lines = ValidationAssert.ErrorLines(Route(route));
        Assert.Equal($"{path}: {message}", lines[0]);
    }

    [Fact]
    public void Validate_TcpWeightsNotSummingTo100_ReportsTcpRoute() => ValidationAssert.SingleError(
        TestObjects.Create(ConfigKinds.VirtualService, "{'hosts':['db'],'tcp':[{'route':[{'destination':{'host':'db','subset':'a'},'weight':30},{'destination':{'host':'db','subset':'b'},'weight':30}]}]}"),
        "spec.tcp[0].route",
        "total destination weight 60 != 100");

    private static ConfigObject Route(string route) =>
        TestObjects.Create(ConfigKinds.VirtualService, "{'hosts':['r'],'http':[{'route':" + route + "}]}");
}
