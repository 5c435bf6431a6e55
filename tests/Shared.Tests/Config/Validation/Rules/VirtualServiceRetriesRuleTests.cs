using ControlPlane.TestSupport;
using ControlPlane.Shared.Config;

namespace ControlPlane.Shared.Tests.Config.Validation.Rules;

public sealed class VirtualServiceRetriesRuleTests
{
    [Fact]
    public void Validate_TimeoutAndRetries_IsClean() =>
        ValidationAssert.Clean(Http("'timeout':'1.5s','retries':{'attempts':3,'perTryTimeout':'0.5s','retryOn':'5xx,503,reset,unavailable','backoff':'0.025s'}"));

    [Theory]
    [InlineData("'timeout':'0.0005s'", "spec.http[0].timeout", "duration must be greater than 1ms")]
    [InlineData("'timeout':'-1s'", "spec.http[0].timeout", "duration must be greater than 1ms")]
    [InlineData("'timeout':'1.0005s'", "spec.http[0].timeout", "only durations to ms precision are supported")]
    [InlineData("'retries':{'attempts':-1}", "spec.http[0].retries.attempts", "attempts cannot be negative")]
    [InlineData("'retries':{'attempts':0,'perTryTimeout':'1s'}", "spec.http[0].retries.attempts", "http retry policy configured when attempts are set to 0 (disabled)")]
    [InlineData("'retries':{'attempts':2,'perTryTimeout':'0s'}", "spec.http[0].retries.perTryTimeout", "duration must be greater than 1ms")]
    [InlineData("'retries':{'attempts':2,'retryOn':'5xx,bogus'}", "spec.http[0].retries.retryOn", "\"bogus\" is not a valid retryOn policy")]
    public void Validate_BadTimeoutOrRetries_ReportsField(string fields, string path, string message) =>
        ValidationAssert.SingleError(Http(fields), path, message);

    private static ConfigObject Http(string fields) => TestObjects.Create(
        ConfigKinds.VirtualService, "{'hosts':['r'],'http':[{" + fields + ",'route':[{'destination':{'host':'r'}}]}]}");
}
