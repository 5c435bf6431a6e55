using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace ControlPlane.Mixer.Tests.Api;

/// <summary>Pins the full names (and so the type URLs and gRPC paths) of the Envoy contracts Mixer serves.</summary>
public sealed class TypeUrlTests
{
    public static TheoryData<string, string> Messages => new()
    {
        { Envoy.Service.Auth.V3.CheckRequest.Descriptor.FullName, "envoy.service.auth.v3.CheckRequest" },
        { Envoy.Service.Auth.V3.AttributeContext.Descriptor.FullName, "envoy.service.auth.v3.AttributeContext" },
        { Envoy.Service.Ratelimit.V3.RateLimitRequest.Descriptor.FullName, "envoy.service.ratelimit.v3.RateLimitRequest" },
        { Envoy.Extensions.Common.Ratelimit.V3.RateLimitDescriptor.Descriptor.FullName, "envoy.extensions.common.ratelimit.v3.RateLimitDescriptor" },
        { Envoy.Service.Accesslog.V3.StreamAccessLogsMessage.Descriptor.FullName, "envoy.service.accesslog.v3.StreamAccessLogsMessage" },
        { Envoy.Data.Accesslog.V3.HTTPAccessLogEntry.Descriptor.FullName, "envoy.data.accesslog.v3.HTTPAccessLogEntry" },
        { Envoy.Config.Core.V3.HeaderValueOption.Descriptor.FullName, "envoy.config.core.v3.HeaderValueOption" },
        { Envoy.Config.Core.V3.Address.Descriptor.FullName, "envoy.config.core.v3.Address" },
        { Envoy.Type.V3.HttpStatus.Descriptor.FullName, "envoy.type.v3.HttpStatus" },
        { Mesh.Policy.V1Alpha1.RateLimitConfig.Descriptor.FullName, "mesh.policy.v1alpha1.RateLimitConfig" },
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public void FullName_IsUpstreams(string actual, string expected)
    {
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void ServicePaths_AreEnvoys()
    {
        Assert.Equal("/envoy.service.auth.v3.Authorization/Check", Path(Envoy.Service.Auth.V3.Authorization.Descriptor, "Check"));
        Assert.Equal("/envoy.service.ratelimit.v3.RateLimitService/ShouldRateLimit", Path(Envoy.Service.Ratelimit.V3.RateLimitService.Descriptor, "ShouldRateLimit"));
        Assert.Equal("/envoy.service.accesslog.v3.AccessLogService/StreamAccessLogs", Path(Envoy.Service.Accesslog.V3.AccessLogService.Descriptor, "StreamAccessLogs"));
    }

    [Fact]
    public void FieldNumbers_OfTheFieldsMixerReads_AreUpstreams()
    {
        Assert.Equal(3, Envoy.Service.Ratelimit.V3.RateLimitRequest.HitsAddendFieldNumber);
        Assert.Equal(4, Envoy.Service.Ratelimit.V3.RateLimitResponse.Types.DescriptorStatus.DurationUntilResetFieldNumber);
        Assert.Equal(15, Envoy.Data.Accesslog.V3.AccessLogCommon.UpstreamClusterFieldNumber);
        Assert.Equal(33, Envoy.Data.Accesslog.V3.AccessLogCommon.AccessLogTypeFieldNumber);
        Assert.Equal(13, Envoy.Service.Auth.V3.AttributeContext.Types.HttpRequest.HeaderMapFieldNumber);
        Assert.Equal(2, Envoy.Service.Auth.V3.CheckResponse.DeniedResponseFieldNumber);
    }

    [Fact]
    public void RoundTrip_ARateLimitRequest_KeepsItsBytes()
    {
        var request = new Envoy.Service.Ratelimit.V3.RateLimitRequest { Domain = "d", HitsAddend = 7 };
        var bytes = request.ToByteArray();

        // Field 1 (domain, length-delimited) then field 3 (hits_addend, varint), as upstream numbers them.
        Assert.Equal(new byte[] { 0x0a, 0x01, (byte)'d', 0x18, 0x07 }, bytes);
    }

    private static string Path(ServiceDescriptor service, string method) => $"/{service.FullName}/{service.FindMethodByName(method).Name}";
}
