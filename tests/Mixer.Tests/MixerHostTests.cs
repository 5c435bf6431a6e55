using System.Net;
using ControlPlane.Mixer.Tests.Api;
using ControlPlane.Shared.Hosting;
using ControlPlane.TestSupport;
using Envoy.Service.Ratelimit.V3;
using Grpc.Net.Client;

namespace ControlPlane.Mixer.Tests;

public sealed class MixerHostTests
{
    [Fact]
    public void Build_UnknownRedisFailMode_IsAUsageErrorNamingTheFlag()
    {
        var error = Assert.Throws<MeshUsageException>(() => MeshHost.Build(MixerHost.Definition, ["--redis-fail-mode", "sideways"]));

        Assert.Contains("--redis-fail-mode", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_Alone_ServesEnvoyApisOnTheMixerPortAndTheGraphOnMonitoringOnly()
    {
        await using var host = await TestHost.StartAsync(MixerHost.Definition);
        using var channel = GrpcChannel.ForAddress(host.Address(MeshPort.Mixer));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        var response = await new RateLimitService.RateLimitServiceClient(channel)
            .ShouldRateLimitAsync(RateLimitApiTests.Request("any", "k", "v"), deadline: RateLimitApiTests.Deadline());
        var graph = await http.GetAsync(new Uri(host.Address(MeshPort.Monitoring), "/api/graph"));
        using var h2 = new HttpClient { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact, Timeout = TimeSpan.FromSeconds(10) };
        var graphOnMixerPort = await h2.GetAsync(new Uri(host.Address(MeshPort.Mixer), "/api/graph"));

        Assert.Equal(RateLimitResponse.Types.Code.Ok, response.OverallCode);
        Assert.Equal(HttpStatusCode.OK, graph.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, graphOnMixerPort.StatusCode);
    }

    [Fact]
    public async Task DebugMixerz_ShowsAppliedConfigAndItsProblems()
    {
        await using var mixer = await Support.MixerTestHost.StartAsync();
        var published = mixer.Config.Publish(
            Support.TestConfig.Policy("deny-all", "default", """{ "action": "DENY", "rules": [ {} ] }"""),
            Support.TestConfig.RateLimit("bad", """{ "domain": "d", "descriptors": [ { "key": "k", "rate_limit": { "unit": "fortnight" } } ] }"""));

        using var json = System.Text.Json.JsonDocument.Parse(await mixer.Http.GetStringAsync(new Uri("/debug/mixerz", UriKind.Relative)));

        var root = json.RootElement;
        Assert.Equal(published.Version, root.GetProperty("authorization_config_version").GetInt64());
        Assert.Equal(1, root.GetProperty("authorization_policies").GetInt32());
        Assert.Equal("memory", root.GetProperty("ratelimit_store").GetString());
        Assert.Equal("open", root.GetProperty("ratelimit_failure_mode").GetString());
        Assert.Contains("spec.descriptors[0].rateLimit.unit", Assert.Single(root.GetProperty("config_problems").EnumerateArray()).GetString(), StringComparison.Ordinal);
    }
}
