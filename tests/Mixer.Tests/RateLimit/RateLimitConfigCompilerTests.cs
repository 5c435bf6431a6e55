using ControlPlane.Mixer.RateLimit;
using ControlPlane.Mixer.Tests.Support;
using ControlPlane.Shared.Config;

namespace ControlPlane.Mixer.Tests.RateLimit;

public sealed class RateLimitConfigCompilerTests
{
    [Fact]
    public void Compile_UnknownUnit_LeavesTheObjectOutAndNamesFileAndField()
    {
        var bad = TestConfig.RateLimit("bad", """{ "domain": "d", "descriptors": [ { "key": "k", "rate_limit": { "unit": "fortnight", "requests_per_unit": 1 } } ] }""");

        var table = RateLimitConfigCompiler.Compile(new ConfigSnapshot(1, [bad]));

        Assert.Empty(table.Domains);
        var diagnostic = Assert.Single(table.Diagnostics);
        Assert.Equal("spec.descriptors[0].rateLimit.unit", diagnostic.FieldPath);
        Assert.Equal("bad.yaml:1:1: RateLimitConfig istio-system/bad: spec.descriptors[0].rateLimit.unit: unit 'fortnight' is not one of second, minute, hour, day", diagnostic.ToString());
    }

    [Fact]
    public void Compile_TwoObjectsWithOneDomain_KeepsTheFirstAndReportsTheSecond()
    {
        var first = TestConfig.RateLimit("a", """{ "domain": "d", "descriptors": [ { "key": "k", "rate_limit": { "unit": "second", "requests_per_unit": 1 } } ] }""");
        var second = TestConfig.RateLimit("b", """{ "domain": "d", "descriptors": [ { "key": "k", "rate_limit": { "unit": "second", "requests_per_unit": 9 } } ] }""");

        var table = RateLimitConfigCompiler.Compile(new ConfigSnapshot(1, [second, first]));

        Assert.Equal("RateLimitConfig istio-system/a", table.Domains["d"].Source);
        Assert.Contains("already configured by RateLimitConfig istio-system/a", Assert.Single(table.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_EveryProblem_IsReported()
    {
        var bad = TestConfig.RateLimit("bad", """
            { "domain": "", "descriptors": [
              { "key": "", "rate_limit": { "unit": "second", "requests_per_unit": 1 } },
              { "key": "k", "shadow_mode": true },
              { "key": "j", "descriptors": [ { "key": "x", "rate_limit": { "unit": "week" } } ] },
              { "key": "j" }
            ] }
            """);

        var table = RateLimitConfigCompiler.Compile(new ConfigSnapshot(1, [bad]));

        Assert.Equal(
            ["spec.domain", "spec.descriptors[0].key", "spec.descriptors[1].shadowMode", "spec.descriptors[2].descriptors[0].rateLimit.unit", "spec.descriptors[3]"],
            table.Diagnostics.Select(d => d.FieldPath));
    }
}
