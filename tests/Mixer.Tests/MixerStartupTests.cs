using System.Net;
using ControlPlane.Mixer.Authorization;
using ControlPlane.Mixer.Tests.Api;
using ControlPlane.Mixer.Tests.Support;
using ControlPlane.Shared.Config;
using ControlPlane.TestSupport;
using Envoy.Service.Ratelimit.V3;
using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ControlPlane.Mixer.Tests;

/// <summary>Mixer before its config source has loaded anything: no decision is made on an empty config.</summary>
public sealed class MixerStartupTests
{
    [Fact]
    public async Task BeforeTheFirstSnapshot_ChecksAndRateLimitsAreUnavailableAndMixerIsNotReady_ThenTheyAreAnswered()
    {
        await using var mixer = await MixerTestHost.StartAsync(new InMemoryConfigSource());
        var authz = new Envoy.Service.Auth.V3.Authorization.AuthorizationClient(mixer.Channel);
        var limits = new RateLimitService.RateLimitServiceClient(mixer.Channel);

        var check = await Assert.ThrowsAsync<RpcException>(() => authz.CheckAsync(AuthorizationApiTests.Request("spiffe://cluster.local/ns/foo/sa/sleep"), deadline: Deadline()).ResponseAsync);
        var limit = await Assert.ThrowsAsync<RpcException>(() => limits.ShouldRateLimitAsync(RateLimitApiTests.Request("edge", "k", "v"), deadline: Deadline()).ResponseAsync);
        var unready = await mixer.Http.GetAsync(new Uri("/healthz/ready", UriKind.Relative));

        Assert.Equal(StatusCode.Unavailable, check.StatusCode);
        Assert.Contains("not loaded its first config snapshot", check.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.Unavailable, limit.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unready.StatusCode);
        Assert.Contains("mixer_authz_checks_total{result=\"unavailable\"} 1", await mixer.MetricsAsync(), StringComparison.Ordinal);

        mixer.Config.Publish(TestConfig.Policy("deny-sleep", "default",
            """{ "action": "DENY", "rules": [ { "from": [ { "source": { "principals": ["cluster.local/ns/foo/sa/sleep"] } } ] } ] }"""));

        var denied = await authz.CheckAsync(AuthorizationApiTests.Request("spiffe://cluster.local/ns/foo/sa/sleep"), deadline: Deadline());
        var allowed = await authz.CheckAsync(AuthorizationApiTests.Request("spiffe://cluster.local/ns/foo/sa/curl"), deadline: Deadline());
        var limited = await limits.ShouldRateLimitAsync(RateLimitApiTests.Request("edge", "k", "v"), deadline: Deadline());
        var ready = await mixer.Http.GetAsync(new Uri("/healthz/ready", UriKind.Relative));

        Assert.Equal((int)StatusCode.PermissionDenied, denied.Status.Code);
        Assert.Equal((int)StatusCode.OK, allowed.Status.Code);
        Assert.Equal(RateLimitResponse.Types.Code.Ok, limited.OverallCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task Watcher_ASnapshotPublishedWhileStarting_IsKept_AndAnOlderOneNeverReplacesIt()
    {
        var deny = TestConfig.Policy("deny-all", "default", """{ "action": "DENY", "rules": [ {} ] }""");
        var source = new RacingConfigSource(stale: new ConfigSnapshot(1, []), published: new ConfigSnapshot(2, [deny]));
        var watcher = new AuthorizationPolicyWatcher(source, Options.Create(new MixerOptions()), NullLogger<AuthorizationPolicyWatcher>.Instance);

        Assert.False(watcher.Current.IsLoaded);
        await watcher.StartAsync(CancellationToken.None);

        Assert.True(watcher.Current.IsLoaded);
        Assert.Equal(2, watcher.Current.Version);
        Assert.Equal(1, watcher.Current.Count);
        watcher.Dispose();
    }

    private static DateTime Deadline() => DateTime.UtcNow.AddSeconds(10);
}
