using ControlPlane.TestSupport;
using ControlPlane.Shared.Config;

namespace ControlPlane.Shared.Tests.Config.Validation.Rules;

public sealed class DestinationRuleLoadBalancerRuleTests
{
    [Theory]
    [InlineData("{'simple':'ROUND_ROBIN','warmup':{'duration':'60s','minimumPercent':10,'aggression':1.5}}")]
    [InlineData("{'consistentHash':{'httpCookie':{'name':'user','ttl':'0.5s','attributes':[{'name':'SameSite','value':'Strict'}]},'maglev':{'tableSize':65537}}}")]
    [InlineData("{'consistentHash':{'httpHeaderName':'x-user','ringHash':{'minimumRingSize':1024}}}")]
    [InlineData("{'localityLbSetting':{'distribute':[{'from':'us-west/zone1/*','to':{'us-west/zone1/*':80,'us-west/zone2/*':20}}]}}")]
    public void Validate_LoadBalancerSettings_IsClean(string lb) => ValidationAssert.Clean(Lb(lb));

    [Theory]
    [InlineData("{'consistentHash':{'httpCookie':{'ttl':'1s'}}}", "spec.trafficPolicy.loadBalancer.consistentHash.httpCookie.name", "name required for HttpCookie")]
    [InlineData("{'consistentHash':{'httpCookie':{'name':'u','attributes':[{'name':'a'},{'name':'a'}]}}}", "spec.trafficPolicy.loadBalancer.consistentHash.httpCookie.attributes[1].name", "duplicate cookie attribute name: a")]
    [InlineData("{'consistentHash':{'useSourceIp':true,'maglev':{'tableSize':65536}}}", "spec.trafficPolicy.loadBalancer.consistentHash.maglev.tableSize", "tableSize must be a prime number for maglev")]
    [InlineData("{'consistentHash':{'useSourceIp':true,'maglev':{'tableSize':5000011}}}", "spec.trafficPolicy.loadBalancer.consistentHash.maglev.tableSize", "tableSize must be less than 5000011 for maglev")]
    [InlineData("{'localityLbSetting':{'enabled':true},'zoneAwareLbSetting':{'enabled':true}}", "spec.trafficPolicy.loadBalancer", "only one of localityLbSetting and zoneAwareLbSetting can be set")]
    [InlineData("{'localityLbSetting':{'distribute':[{'from':'a/*','to':{'a/*':50}}]}}", "spec.trafficPolicy.loadBalancer.localityLbSetting.distribute[0].to", "total weight across all localities should be 100, but got 50")]
    [InlineData("{'warmup':{'minimumPercent':10}}", "spec.trafficPolicy.loadBalancer.warmup.duration", "duration is required")]
    [InlineData("{'warmup':{'duration':'10s','minimumPercent':120}}", "spec.trafficPolicy.loadBalancer.warmup.minimumPercent", "minimumPercent value should be less than or equal to 100")]
    [InlineData("{'warmup':{'duration':'10s','aggression':0}}", "spec.trafficPolicy.loadBalancer.warmup.aggression", "aggression should be greater than 0")]
    public void Validate_BadLoadBalancer_ReportsField(string lb, string path, string message) =>
        ValidationAssert.SingleError(Lb(lb), path, message);

    private static ConfigObject Lb(string lb) =>
        TestObjects.Create(ConfigKinds.DestinationRule, "{'host':'r','trafficPolicy':{'loadBalancer':" + lb + "}}");
}
