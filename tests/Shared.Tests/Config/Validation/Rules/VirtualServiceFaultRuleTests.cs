using ControlPlane.TestSupport;
using ControlPlane.Shared.Config;

namespace ControlPlane.Shared.Tests.Config.Validation.Rules;

public sealed class VirtualServiceFaultRuleTests
{
    [Theory]
    [InlineData("{'delay':{'fixedDelay':'7s','percentage':{'value':100}},'abort':{'httpStatus':500,'percentage':{'value':0.5}}}")]
    [InlineData("{'abort':{'grpcStatus':'UNAVAILABLE','percentage':{'value':10}}}")]
    [InlineData("{'delay':{'fixedDelay':'0.1s','percent':50}}")]
    public void Validate_DelayAndAbort_IsClean(string fault) => ValidationAssert.Clean(Fault(fault));

    [Theory]
    [InlineData("{}", "spec.http[0].fault", "HTTP fault injection must have an abort and/or a delay")]
    [InlineData("{'delay':{'fixedDelay':'1s','percentage':{'value':150}}}", "spec.http[0].fault.delay.percentage.value", "percentage 150 is neither 0.0, nor in range [0.0001, 100.0]")]
    [InlineData("{'delay':{'fixedDelay':'1s','percent':101}}", "spec.http[0].fault.delay.percent", "percentage 101 is not in range 0..100")]
    [InlineData("{'delay':{'fixedDelay':'0s'}}", "spec.http[0].fault.delay.fixedDelay", "duration must be greater than 1ms")]
    [InlineData("{'abort':{'httpStatus':700}}", "spec.http[0].fault.abort.httpStatus", "HTTP status 700 is not in range 200-599")]
    [InlineData("{'abort':{'httpStatus':503,'percentage':{'value':-1}}}", "spec.http[0].fault.abort.percentage.value", "percentage -1 is neither 0.0, nor in range [0.0001, 100.0]")]
    [InlineData("{'abort':{'grpcStatus':'NOPE'}}", "spec.http[0].fault.abort.grpcStatus", "gRPC status \"NOPE\" is not supported. See https://github.com/grpc/grpc/blob/master/doc/statuscodes.md for a list of supported codes, for example 'NOT_FOUND'")]
    public void Validate_BadFault_ReportsFaultField(string fault, string path, string message) =>
        ValidationAssert.SingleError(Fault(fault), path, message);

    [Fact]
    public void Validate_AbortWithoutErrorType_Warns() =>
        ValidationAssert.SingleWarning(Fault("{'abort':{'percentage':{'value':1}}}"), "spec.http[0].fault.abort", "abort configured, but error type not set");

    private static ConfigObject Fault(string fault) => TestObjects.Create(
        ConfigKinds.VirtualService, "{'hosts':['ratings'],'http':[{'fault':" + fault + ",'route':[{'destination':{'host':'ratings'}}]}]}");
}
