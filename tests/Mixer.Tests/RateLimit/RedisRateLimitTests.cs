using ControlPlane.Mixer.Api;
using ControlPlane.Mixer.Tests.Api;
using ControlPlane.Mixer.Tests.Support;
using ControlPlane.TestSupport;
using Envoy.Service.Ratelimit.V3;
using Code = Envoy.Service.Ratelimit.V3.RateLimitResponse.Types.Code;

namespace ControlPlane.Mixer.Tests.RateLimit;

/// <summary>Rate limits against a real redis-server: a shared budget, outages and recovery.</summary>
public sealed class RedisRateLimitTests
{
    private const string Config = """{ "domain": "api", "descriptors": [ { "key": "tenant", "rate_limit": { "unit": "hour", "requests_per_unit": 5 } } ] }""";

    [Fact]
    public async Task ShouldRateLimit_TwoMixersOnOneRedis_ShareOneBudget()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var a = await StartAsync(redis);
        await using var b = await StartAsync(redis);
        var clientA = new RateLimitService.RateLimitServiceClient(a.Channel);
        var clientB = new RateLimitService.RateLimitServiceClient(b.Channel);

        var answers = new List<RateLimitResponse>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add(await clientA.ShouldRateLimitAsync(RateLimitApiTests.Request("api", "tenant", "t1"), deadline: RateLimitApiTests.Deadline()));
            answers.Add(await clientB.ShouldRateLimitAsync(RateLimitApiTests.Request("api", "tenant", "t1"), deadline: RateLimitApiTests.Deadline()));
        }

        Assert.Equal([Code.Ok, Code.Ok, Code.Ok, Code.Ok, Code.Ok, Code.OverLimit], answers.Select(r => r.OverallCode));
        Assert.Equal([4u, 3u, 2u, 1u, 0u, 0u], answers.Select(r => r.Statuses[0].LimitRemaining));
    }

    [Theory]
    [InlineData("open", Code.Ok)]
    [InlineData("closed", Code.OverLimit)]
    public async Task ShouldRateLimit_RedisDown_FollowsTheFailModeCountsItAndRecovers(string mode, Code whileDown)
    {
        await using var redis = await RedisServer.StartAsync();
        await using var mixer = await StartAsync(redis, "--redis-fail-mode", mode);
        var client = new RateLimitService.RateLimitServiceClient(mixer.Channel);
        Assert.Equal(4u, (await client.ShouldRateLimitAsync(RateLimitApiTests.Request("api", "tenant", "t1"), deadline: RateLimitApiTests.Deadline())).Statuses[0].LimitRemaining);

        await redis.StopAsync();
        var down = await client.ShouldRateLimitAsync(RateLimitApiTests.Request("api", "tenant", "t1"), deadline: RateLimitApiTests.Deadline());

        Assert.Equal(whileDown, down.OverallCode);
        Assert.Contains($"mixer_ratelimit_store_errors_total{{store=\"redis\",mode=\"{mode}\"}} 1", await mixer.MetricsAsync(), StringComparison.Ordinal);

        // A fresh redis-server on the same port starts from zero: the multiplexer reconnects by itself.
        await redis.StartAgainAsync();
        var recovered = await Eventually.ValueAsync(
            async () => await client.ShouldRateLimitAsync(RateLimitApiTests.Request("api", "tenant", "t2"), deadline: RateLimitApiTests.Deadline()),
            r => r.OverallCode == Code.Ok && r.Statuses[0].LimitRemaining == 4,
            TimeSpan.FromSeconds(20),
            "rate limits answered from Redis again");
        Assert.Equal(Code.Ok, recovered.OverallCode);
    }

    private static async Task<MixerTestHost> StartAsync(RedisServer redis, params string[] args)
    {
        var mixer = await MixerTestHost.StartAsync(args: ["--redis", redis.Address, .. args]);
        mixer.Config.Publish(TestConfig.RateLimit("api", Config));
        return mixer;
    }
}
