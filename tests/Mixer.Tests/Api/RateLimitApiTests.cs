using ControlPlane.Mixer.Tests.RateLimit;
using ControlPlane.Mixer.Tests.Support;
using Envoy.Extensions.Common.Ratelimit.V3;
using Envoy.Service.Ratelimit.V3;
using Grpc.Core;
using Microsoft.Extensions.Time.Testing;
using Code = Envoy.Service.Ratelimit.V3.RateLimitResponse.Types.Code;

namespace ControlPlane.Mixer.Tests.Api;

public sealed class RateLimitApiTests
{
    [Fact]
    public async Task ShouldRateLimit_OverTheLimit_AnswersOverLimitWithTheLimitAndResetTime()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 12, 0, 0, 250, TimeSpan.Zero));
        await using var mixer = await MixerTestHost.StartAsync(time: time);
        mixer.Config.Publish(TestConfig.RateLimit("edge", RateLimitTestConfigs.Edge));
        var client = new RateLimitService.RateLimitServiceClient(mixer.Channel);

        var first = await client.ShouldRateLimitAsync(Request("edge", "path", "/slow", hits: 2), deadline: Deadline());
        var second = await client.ShouldRateLimitAsync(Request("edge", "path", "/slow"), deadline: Deadline());

        Assert.Equal(Code.Ok, first.OverallCode);
        Assert.Equal(0u, first.Statuses[0].LimitRemaining);
        Assert.Equal(Code.OverLimit, second.OverallCode);
        var status = Assert.Single(second.Statuses);
        Assert.Equal(Code.OverLimit, status.Code);
        Assert.Equal(2u, status.CurrentLimit.RequestsPerUnit);
        Assert.Equal(RateLimitResponse.Types.RateLimit.Types.Unit.Second, status.CurrentLimit.Unit);
        Assert.Equal("edge.path=/slow", status.CurrentLimit.Name);
        Assert.Equal(TimeSpan.FromMilliseconds(750), status.DurationUntilReset.ToTimeSpan());
    }

    [Fact]
    public async Task ShouldRateLimit_UnknownDomain_AnswersOkWithoutALimit()
    {
        await using var mixer = await MixerTestHost.StartAsync();
        var client = new RateLimitService.RateLimitServiceClient(mixer.Channel);

        var response = await client.ShouldRateLimitAsync(Request("nowhere", "k", "v"), deadline: Deadline());

        Assert.Equal(Code.Ok, response.OverallCode);
        Assert.Null(Assert.Single(response.Statuses).CurrentLimit);
    }

    [Theory]
    [InlineData("", "k", "v", "domain must not be empty")]
    [InlineData("edge", "", "v", "descriptors[0].entries[0].key must not be empty")]
    public async Task ShouldRateLimit_MalformedRequest_IsInvalidArgument(string domain, string key, string value, string message)
    {
        await using var mixer = await MixerTestHost.StartAsync();
        var client = new RateLimitService.RateLimitServiceClient(mixer.Channel);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.ShouldRateLimitAsync(Request(domain, key, value), deadline: Deadline()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(message, error.Status.Detail);
    }

    [Fact]
    public async Task ShouldRateLimit_NoDescriptors_IsInvalidArgument()
    {
        await using var mixer = await MixerTestHost.StartAsync();
        var client = new RateLimitService.RateLimitServiceClient(mixer.Channel);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.ShouldRateLimitAsync(new RateLimitRequest { Domain = "edge" }, deadline: Deadline()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    internal static RateLimitRequest Request(string domain, string key, string value, uint hits = 0)
    {
        var descriptor = new RateLimitDescriptor();
        descriptor.Entries.Add(new RateLimitDescriptor.Types.Entry { Key = key, Value = value });
        var request = new RateLimitRequest { Domain = domain, HitsAddend = hits };
        request.Descriptors.Add(descriptor);
        return request;
    }

    internal static DateTime Deadline() => DateTime.UtcNow.AddSeconds(10);
}
