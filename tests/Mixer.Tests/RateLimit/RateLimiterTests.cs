using ControlPlane.TestSupport;
using ControlPlane.Mixer.RateLimit;
using ControlPlane.Mixer.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Prometheus;

namespace ControlPlane.Mixer.Tests.RateLimit;

public sealed class RateLimiterTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    // 12:00:10 on a day: 10 s into a minute window, 0 ms into a second window.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 12, 0, 10, TimeSpan.Zero));
    private readonly InMemoryConfigSource _config = new();
    private readonly RateLimitMetrics _metrics = new(Metrics.WithCustomRegistry(Metrics.NewCustomRegistry()));

    public RateLimiterTests()
    {
        _config.Publish(TestConfig.RateLimit("edge", RateLimitTestConfigs.Edge));
    }

    [Fact]
    public async Task Decide_UnderTheLimit_ReturnsOkWithRemainingAndTimeToReset()
    {
        var limiter = await LimiterAsync();

        var decision = await DecideAsync(limiter, "remote_address", "10.0.0.1");

        Assert.False(decision.OverLimit);
        var status = Assert.Single(decision.Statuses);
        Assert.Equal(2u, status.Remaining);
        Assert.Equal(TimeSpan.FromSeconds(50), status.ResetAfter);
        Assert.Equal(3u, status.Rule!.RequestsPerUnit);
    }

    [Fact]
    public async Task Decide_PastTheLimit_ReturnsOverLimitWithNothingRemaining()
    {
        var limiter = await LimiterAsync();
        for (var i = 0; i < 3; i++)
        {
            Assert.False((await DecideAsync(limiter, "remote_address", "10.0.0.1")).OverLimit);
        }

        var decision = await DecideAsync(limiter, "remote_address", "10.0.0.1");

        Assert.True(decision.OverLimit);
        Assert.Equal(0u, decision.Statuses[0].Remaining);
        Assert.True(decision.Statuses[0].OverLimit);
    }

    [Fact]
    public async Task Decide_NextWindow_StartsFromZero()
    {
        var limiter = await LimiterAsync();
        for (var i = 0; i < 4; i++)
        {
            await DecideAsync(limiter, "remote_address", "10.0.0.1");
        }

        _time.Advance(TimeSpan.FromSeconds(49));
        Assert.True((await DecideAsync(limiter, "remote_address", "10.0.0.1")).OverLimit);
        _time.Advance(TimeSpan.FromSeconds(1));

        var decision = await DecideAsync(limiter, "remote_address", "10.0.0.1");

        Assert.False(decision.OverLimit);
        Assert.Equal(2u, decision.Statuses[0].Remaining);
        Assert.Equal(TimeSpan.FromMinutes(1), decision.Statuses[0].ResetAfter);
    }

    [Fact]
    public async Task Decide_WildcardValue_CountsEachValueApart()
    {
        var limiter = await LimiterAsync();
        for (var i = 0; i < 3; i++)
        {
            await DecideAsync(limiter, "remote_address", "10.0.0.1");
        }

        Assert.True((await DecideAsync(limiter, "remote_address", "10.0.0.1")).OverLimit);
        Assert.False((await DecideAsync(limiter, "remote_address", "10.0.0.2")).OverLimit);
    }

    [Fact]
    public async Task Decide_HitsAddend_CountsThatManyHits()
    {
        var limiter = await LimiterAsync();

        var first = await limiter.DecideAsync(Query(2, ("remote_address", "a")), CancellationToken.None).AsTask().WaitAsync(Timeout);
        var second = await limiter.DecideAsync(Query(2, ("remote_address", "a")), CancellationToken.None).AsTask().WaitAsync(Timeout);

        Assert.Equal(1u, first.Statuses[0].Remaining);
        Assert.True(second.OverLimit);
    }

    [Fact]
    public async Task Decide_SecondWindow_ResetsEverySecond()
    {
        var limiter = await LimiterAsync();
        await DecideAsync(limiter, "path", "/slow");
        await DecideAsync(limiter, "path", "/slow");
        Assert.True((await DecideAsync(limiter, "path", "/slow")).OverLimit);

        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.False((await DecideAsync(limiter, "path", "/slow")).OverLimit);
    }

    [Fact]
    public async Task Decide_ShadowMode_AnswersOkButCountsTheShadowHit()
    {
        var limiter = await LimiterAsync();
        await DecideAsync(limiter, "shadowed", "x");

        var decision = await DecideAsync(limiter, "shadowed", "x");

        Assert.False(decision.OverLimit);
        Assert.Equal(0u, decision.Statuses[0].Remaining);
    }

    [Fact]
    public async Task Decide_NoRuleOrUnlimited_ReturnsOkWithoutALimit()
    {
        var limiter = await LimiterAsync();

        var decision = await limiter.DecideAsync(
            new RateLimitQuery("edge", [Descriptor(("path", "/free")), Descriptor(("nothing", "here"))], 1), CancellationToken.None).AsTask().WaitAsync(Timeout);

        Assert.False(decision.OverLimit);
        Assert.All(decision.Statuses, s => Assert.Null(s.Rule));
    }

    [Fact]
    public async Task Decide_OneDescriptorOver_MakesTheWholeRequestOverLimit()
    {
        var limiter = await LimiterAsync();
        await DecideAsync(limiter, "client", "mobile", "user", "ann");

        var decision = await limiter.DecideAsync(
            new RateLimitQuery("edge", [Descriptor(("remote_address", "b")), Descriptor(("client", "mobile"), ("user", "ann"))], 1), CancellationToken.None).AsTask().WaitAsync(Timeout);

        Assert.True(decision.OverLimit);
        Assert.False(decision.Statuses[0].OverLimit);
        Assert.True(decision.Statuses[1].OverLimit);
        Assert.Equal("mobile-user", decision.Statuses[1].Rule!.Name);
    }

    [Fact]
    public async Task Decide_RequestOverride_ReplacesTheConfiguredLimit()
    {
        var limiter = await LimiterAsync();
        var descriptor = new QueryDescriptor([new DescriptorEntry("remote_address", "c")], new RateLimitRule("override", 1, WindowUnit.Hour, false, false));

        var first = await limiter.DecideAsync(new RateLimitQuery("edge", [descriptor], 1), CancellationToken.None).AsTask().WaitAsync(Timeout);
        var second = await limiter.DecideAsync(new RateLimitQuery("edge", [descriptor], 1), CancellationToken.None).AsTask().WaitAsync(Timeout);

        Assert.False(first.OverLimit);
        Assert.True(second.OverLimit);
        Assert.Equal(TimeSpan.FromMinutes(60) - TimeSpan.FromSeconds(10), second.Statuses[0].ResetAfter);
    }

    [Fact]
    public async Task Decide_ConfigUpdate_AppliesWithoutRestart()
    {
        var limiter = await LimiterAsync();
        Assert.Null((await DecideAsync(limiter, "tenant", "t1")).Statuses[0].Rule);

        _config.Publish(TestConfig.RateLimit("edge", """{ "domain": "edge", "descriptors": [ { "key": "tenant", "rate_limit": { "unit": "day", "requests_per_unit": 1 } } ] }"""));

        await DecideAsync(limiter, "tenant", "t1");
        Assert.True((await DecideAsync(limiter, "tenant", "t1")).OverLimit);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Decide_StoreUnavailable_FollowsTheFailureModeAndCountsIt(bool failClosed)
    {
        var mode = failClosed ? FailureMode.Closed : FailureMode.Open;
        var overLimit = failClosed;
        var limiter = await LimiterAsync(new FailingStore(), mode);

        var decision = await DecideAsync(limiter, "remote_address", "10.0.0.1");

        Assert.Equal(overLimit, decision.OverLimit);
        Assert.Equal(1, _metrics.StoreErrors("failing", mode));
    }

    [Fact]
    public async Task Decide_StoreUnavailable_LeavesDescriptorsWithoutALimitAlone()
    {
        var limiter = await LimiterAsync(new FailingStore(), FailureMode.Closed);

        var decision = await DecideAsync(limiter, "nothing", "here");

        Assert.False(decision.OverLimit);
        Assert.Equal(0, _metrics.StoreErrors("failing", FailureMode.Closed));
    }

    [Fact]
    public async Task MemoryStore_ExpiredWindows_AreSwept()
    {
        var store = new MemoryCounterStore(_time);
        var limiter = await LimiterAsync(store);
        for (var i = 0; i < 50; i++)
        {
            await DecideAsync(limiter, "remote_address", $"10.0.0.{i}");
        }

        _time.Advance(TimeSpan.FromMinutes(2));
        await DecideAsync(limiter, "remote_address", "10.1.1.1");

        Assert.Equal(1, store.Count);
    }

    private async Task<RateLimiter> LimiterAsync(ICounterStore? store = null, FailureMode mode = FailureMode.Open)
    {
        var watcher = new RateLimitTableWatcher(_config, NullLogger<RateLimitTableWatcher>.Instance);
        await watcher.StartAsync(CancellationToken.None).WaitAsync(Timeout);
        return new RateLimiter(watcher, store ?? new MemoryCounterStore(_time), _time, mode, _metrics, NullLogger<RateLimiter>.Instance);
    }

    private static Task<RateLimitDecision> DecideAsync(RateLimiter limiter, params string[] keyValues)
    {
        var entries = new List<(string, string)>();
        for (var i = 0; i < keyValues.Length; i += 2)
        {
            entries.Add((keyValues[i], keyValues[i + 1]));
        }

        return limiter.DecideAsync(Query(1, [.. entries]), CancellationToken.None).AsTask().WaitAsync(Timeout);
    }

    private static RateLimitQuery Query(uint hits, params (string Key, string Value)[] entries) => new("edge", [Descriptor(entries)], hits);

    private static QueryDescriptor Descriptor(params (string Key, string Value)[] entries) =>
        new([.. entries.Select(e => new DescriptorEntry(e.Key, e.Value))]);

    private sealed class FailingStore : ICounterStore
    {
        public string Name => "failing";

        public ValueTask IncrementAsync(IReadOnlyList<CounterIncrement> increments, long[] totals, CancellationToken cancellationToken) =>
            throw new CounterStoreUnavailableException("down");
    }
}
