using ControlPlane.Pilot.Tests.Support;
using ControlPlane.Pilot.Xds.Generation;
using Envoy.Extensions.Filters.Http.Fault.V3;
using Istio.Networking.V1Alpha3;

namespace ControlPlane.Pilot.Tests.Xds.Generation;

/// <summary>
/// VirtualService <c>fault</c> to the per-route config of Envoy's fault filter: percentages become
/// parts per million (Istio's <c>percentage.value</c> is a double in [0, 100]); gRPC status names
/// become their codes. Without a percentage every request is affected, which is this translator's documented choice.
/// </summary>
public sealed class FaultTranslatorTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("""{}""")]
    [InlineData("""{"delay": {"percentage": {"value": 50}}}""")]
    [InlineData("""{"abort": {"percentage": {"value": 50}}}""")]
    [InlineData("""{"delay": {"exponentialDelay": "1s"}}""")]
    public void Translate_NothingToInject_GivesNoFaultConfig(string? istio)
    {
        Assert.Null(FaultTranslator.Translate(ProtoJson.ParseOrNull<HTTPFaultInjection>(istio)));
    }

    [Theory]
    [InlineData("""{"delay": {"fixedDelay": "7s", "percentage": {"value": 100}}}""",
        """{"delay": {"fixedDelay": "7s", "percentage": {"numerator": 1000000, "denominator": "MILLION"}}}""")]
    [InlineData("""{"delay": {"fixedDelay": "5s", "percentage": {"value": 0.1}}}""",
        """{"delay": {"fixedDelay": "5s", "percentage": {"numerator": 1000, "denominator": "MILLION"}}}""")]
    [InlineData("""{"delay": {"fixedDelay": "0.250s", "percentage": {"value": 33.3333}}}""",
        """{"delay": {"fixedDelay": "0.250s", "percentage": {"numerator": 333333, "denominator": "MILLION"}}}""")]
    [InlineData("""{"delay": {"fixedDelay": "1s", "percent": 20}}""",
        """{"delay": {"fixedDelay": "1s", "percentage": {"numerator": 200000, "denominator": "MILLION"}}}""")]
    [InlineData("""{"delay": {"fixedDelay": "1s", "percent": 20, "percentage": {"value": 5}}}""",
        """{"delay": {"fixedDelay": "1s", "percentage": {"numerator": 50000, "denominator": "MILLION"}}}""")]
    [InlineData("""{"delay": {"fixedDelay": "1s"}}""",
        """{"delay": {"fixedDelay": "1s", "percentage": {"numerator": 1000000, "denominator": "MILLION"}}}""")]
    [InlineData("""{"delay": {"fixedDelay": "1s", "percentage": {"value": 150}}}""",
        """{"delay": {"fixedDelay": "1s", "percentage": {"numerator": 1000000, "denominator": "MILLION"}}}""")]
    public void Translate_FixedDelay_BecomesAFaultDelayWithPartsPerMillion(string istio, string envoy)
    {
        Assert.Equal(ProtoJson.Parse<HTTPFault>(envoy), FaultTranslator.Translate(ProtoJson.Parse<HTTPFaultInjection>(istio)));
    }

    [Theory]
    [InlineData("""{"abort": {"httpStatus": 500, "percentage": {"value": 100}}}""",
        """{"abort": {"httpStatus": 500, "percentage": {"numerator": 1000000, "denominator": "MILLION"}}}""")]
    [InlineData("""{"abort": {"httpStatus": 503, "percentage": {"value": 10}}}""",
        """{"abort": {"httpStatus": 503, "percentage": {"numerator": 100000, "denominator": "MILLION"}}}""")]
    [InlineData("""{"abort": {"httpStatus": 400}}""",
        """{"abort": {"httpStatus": 400, "percentage": {"numerator": 1000000, "denominator": "MILLION"}}}""")]
    [InlineData("""{"abort": {"grpcStatus": "UNAVAILABLE", "percentage": {"value": 50}}}""",
        """{"abort": {"grpcStatus": 14, "percentage": {"numerator": 500000, "denominator": "MILLION"}}}""")]
    [InlineData("""{"abort": {"grpcStatus": "DEADLINE_EXCEEDED"}}""",
        """{"abort": {"grpcStatus": 4, "percentage": {"numerator": 1000000, "denominator": "MILLION"}}}""")]
    [InlineData("""{"abort": {"grpcStatus": "RESOURCE_EXHAUSTED"}}""",
        """{"abort": {"grpcStatus": 8, "percentage": {"numerator": 1000000, "denominator": "MILLION"}}}""")]
    [InlineData("""{"abort": {"grpcStatus": "7"}}""",
        """{"abort": {"grpcStatus": 7, "percentage": {"numerator": 1000000, "denominator": "MILLION"}}}""")]
    [InlineData("""{"abort": {"grpcStatus": "NOT_A_CODE"}}""",
        """{"abort": {"grpcStatus": 2, "percentage": {"numerator": 1000000, "denominator": "MILLION"}}}""")]
    public void Translate_Abort_BecomesAFaultAbortWithTheStatusCode(string istio, string envoy)
    {
        Assert.Equal(ProtoJson.Parse<HTTPFault>(envoy), FaultTranslator.Translate(ProtoJson.Parse<HTTPFaultInjection>(istio)));
    }

    [Fact]
    public void Translate_DelayAndAbort_InjectsBothIndependently()
    {
        var istio = """{"delay": {"fixedDelay": "2s", "percentage": {"value": 10}}, "abort": {"httpStatus": 503, "percentage": {"value": 5}}}""";
        var envoy = """
            {"delay": {"fixedDelay": "2s", "percentage": {"numerator": 100000, "denominator": "MILLION"}},
             "abort": {"httpStatus": 503, "percentage": {"numerator": 50000, "denominator": "MILLION"}}}
            """;

        Assert.Equal(ProtoJson.Parse<HTTPFault>(envoy), FaultTranslator.Translate(ProtoJson.Parse<HTTPFaultInjection>(istio)));
    }

    [Fact]
    public void Translate_AbortWithHttp2ErrorOnly_KeepsTheDelayAndDropsTheAbort()
    {
        var istio = """{"delay": {"fixedDelay": "2s"}, "abort": {"http2Error": "REFUSED_STREAM"}}""";

        var fault = FaultTranslator.Translate(ProtoJson.Parse<HTTPFaultInjection>(istio));

        Assert.NotNull(fault);
        Assert.Null(fault.Abort);
        Assert.Equal(ProtoJson.Parse<HTTPFault>("""{"delay": {"fixedDelay": "2s", "percentage": {"numerator": 1000000, "denominator": "MILLION"}}}"""), fault);
    }
}
