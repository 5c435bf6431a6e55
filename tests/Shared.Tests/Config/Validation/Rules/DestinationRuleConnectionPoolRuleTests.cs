using ControlPlane.TestSupport;
using ControlPlane.Shared.Config;

namespace ControlPlane.Shared.Tests.Config.Validation.Rules;

public sealed class DestinationRuleConnectionPoolRuleTests
{
    [Fact]
    public void Validate_ConnectionPool_IsClean() => ValidationAssert.Clean(Pool(
        "{'tcp':{'maxConnections':100,'connectTimeout':'0.03s','idleTimeout':'0s','tcpKeepalive':{'time':'7200s','interval':'75s'}},'http':{'http2MaxRequests':1000,'maxRequestsPerConnection':10,'http2KeepAlive':{'interval':'10s','timeout':'5s'}}}"));

    [Theory]
    [InlineData("{}", "spec.trafficPolicy.connectionPool", "connection pool must have at least one field")]
    [InlineData("{'tcp':{'maxConnections':-1}}", "spec.trafficPolicy.connectionPool.tcp.maxConnections", "max connections must be non-negative")]
    [InlineData("{'tcp':{'connectTimeout':'0s'}}", "spec.trafficPolicy.connectionPool.tcp.connectTimeout", "duration must be greater than 1ms")]
    [InlineData("{'http':{'http1MaxPendingRequests':-5}}", "spec.trafficPolicy.connectionPool.http.http1MaxPendingRequests", "http1 max pending requests must be non-negative")]
    [InlineData("{'http':{'maxRetries':-1}}", "spec.trafficPolicy.connectionPool.http.maxRetries", "max retries must be non-negative")]
    [InlineData("{'http':{'h2UpgradePolicy':'UPGRADE','useClientProtocol':true}}", "spec.trafficPolicy.connectionPool.http.useClientProtocol", "use client protocol must not be true when H2UpgradePolicy is UPGRADE")]
    [InlineData("{'http':{'http2KeepAlive':{'timeout':'5s'}}}", "spec.trafficPolicy.connectionPool.http.http2KeepAlive.interval", "http2 keepalive interval is required")]
    public void Validate_BadConnectionPool_ReportsField(string pool, string path, string message) =>
        ValidationAssert.SingleError(Pool(pool), path, message);

    private static ConfigObject Pool(string pool) =>
        TestObjects.Create(ConfigKinds.DestinationRule, "{'host':'r','trafficPolicy':{'connectionPool':" + pool + "}}");
}
