using ControlPlane.TestSupport;
using ControlPlane.Shared.Config.Validation;
using ControlPlane.Shared.Config;
using Istio.Networking.V1Alpha3;

namespace ControlPlane.Shared.Tests.Config.Validation;

public sealed class ConfigValidatorTests
{
    [Fact]
    public void Validate_ObjectWithManyProblems_ReportsEveryOneInRuleOrder()
    {
        var config = TestObjects.Create(ConfigKinds.VirtualService, """
            {'hosts':['bad_host'],
             'http':[{'match':[{'uri':{'regex':'(a)\\1'}}],
                      'route':[{'destination':{'host':'reviews','subset':'v1'},'weight':60},{'destination':{'host':'reviews','subset':'v2'},'weight':60}],
                      'timeout':'0s','retries':{'attempts':-1},'fault':{'abort':{'httpStatus':99}}}]}
            """);

        Assert.Equal(
            [
                "spec.hosts[0]: domain name \"bad_host\" invalid (label \"bad_host\" invalid)",
                "spec.http[0].match[0].uri.regex: invalid regex \"(a)\\1\": backreference \\1 is not supported; Istio uses RE2 style regex-based match (https://github.com/google/re2/wiki/Syntax)",
                "spec.http[0].route: total destination weight 120 != 100",
                "spec.http[0].timeout: duration must be greater than 1ms",
                "spec.http[0].retries.attempts: attempts cannot be negative",
                "spec.http[0].fault.abort.httpStatus: HTTP status 99 is not in range 200-599",
            ],
            ValidationAssert.ErrorLines(config));
    }

    [Fact]
    public void Validate_ErrorPositions_ComeFromTheLoadersFieldPositions()
    {
        var positions = new Dictionary<string, SourcePosition>
        {
            ["spec.http[0].route[0].weight"] = new("vs.yaml", 12, 17),
            ["spec.http[0].route"] = new("vs.yaml", 8, 7),
        };
        var spec = TestObjects.Spec<VirtualService>(ConfigKinds.VirtualService, "{'hosts':['r'],'http':[{'route':[{'destination':{'host':'r'},'weight':150}]}]}");
        var config = new ConfigObject(ConfigKinds.VirtualService, "networking.istio.io/v1", ObjectMeta.Create("reviews"), spec, new SourcePosition("vs.yaml", 1, 1), positions);

        var error = Assert.Single(new ConfigValidator().Validate(config).Errors);

        Assert.Equal("vs.yaml:12:17: VirtualService default/reviews: spec.http[0].route[0].weight: weight 150 must be in the range 0..100", error.ToString());
    }

    [Fact]
    public void Validate_MissingFieldWithoutPosition_PointsAtNearestWrittenAncestor()
    {
        var positions = new Dictionary<string, SourcePosition> { ["spec.http[0]"] = new("vs.yaml", 6, 5) };
        var spec = TestObjects.Spec<VirtualService>(ConfigKinds.VirtualService, "{'hosts':['r'],'http':[{'route':[{'weight':100}]}]}");
        var config = new ConfigObject(ConfigKinds.VirtualService, "networking.istio.io/v1", ObjectMeta.Create("reviews"), spec, new SourcePosition("vs.yaml", 1, 1), positions);

        var error = Assert.Single(new ConfigValidator().Validate(config).Errors);

        Assert.Equal(new SourcePosition("vs.yaml", 6, 5), error.Position);
        Assert.Equal("spec.http[0].route[0].destination", error.FieldPath);
    }

    [Fact]
    public void Validate_EveryKindHasRules()
    {
        var rules = Shared.Config.Validation.Rules.ValidationRules.All;

        Assert.All(ConfigKinds.All, kind => Assert.Contains(rules, r => r.Kinds.Contains(kind)));
    }
}
