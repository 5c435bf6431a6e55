using ControlPlane.TestSupport;
using ControlPlane.Shared.Config;

namespace ControlPlane.Shared.Tests.Config.Validation.Rules;

public sealed class RateLimitConfigRuleTests
{
    [Theory]
    [InlineData("{'domain':'edge','descriptors':[{'key':'remote_address','rateLimit':{'unit':'second','requestsPerUnit':10}}]}")]
    [InlineData("{'domain':'edge','descriptors':[{'key':'path','value':'/a','descriptors':[{'key':'user','rateLimit':{'unit':'MINUTE','requestsPerUnit':5}}]},{'key':'path','value':'/b'}]}")]
    [InlineData("{'domain':'edge','descriptors':[{'key':'internal','rateLimit':{'unlimited':true}}]}")]
    public void Validate_RateLimitConfig_IsClean(string json) => ValidationAssert.Clean(Rl(json));

    [Theory]
    [InlineData("{'descriptors':[]}", "spec.domain", "domain is required")]
    [InlineData("{'domain':'d','descriptors':[{'value':'x'}]}", "spec.descriptors[0].key", "descriptor key is required")]
    [InlineData("{'domain':'d','descriptors':[{'key':'k','rateLimit':{'unit':'week','requestsPerUnit':1}}]}", "spec.descriptors[0].rateLimit.unit", "unknown unit \"week\", must be one of second, minute, hour, day")]
    [InlineData("{'domain':'d','descriptors':[{'key':'k','rateLimit':{'unit':'hour'}}]}", "spec.descriptors[0].rateLimit.requestsPerUnit", "requests_per_unit must be greater than 0 unless the limit is unlimited")]
    [InlineData("{'domain':'d','descriptors':[{'key':'k','value':'v'},{'key':'k','value':'v'}]}", "spec.descriptors[1]", "duplicate descriptor key \"k\" value \"v\" at this level")]
    [InlineData("{'domain':'d','descriptors':[{'key':'a','descriptors':[{'key':'b','rateLimit':{'unit':'day','requestsPerUnit':0}}]}]}", "spec.descriptors[0].descriptors[0].rateLimit.requestsPerUnit", "requests_per_unit must be greater than 0 unless the limit is unlimited")]
    public void Validate_BadRateLimitConfig_ReportsField(string json, string path, string message) =>
        ValidationAssert.SingleError(Rl(json), path, message);

    private static ConfigObject Rl(string json) => TestObjects.Create(ConfigKinds.RateLimitConfig, json);
}
