using System.Globalization;
using ControlPlane.Bench.Mixer;
using ControlPlane.Mixer;
using ControlPlane.Shared.Config;
using ControlPlane.Shared.Hosting;
using Envoy.Service.Accesslog.V3;
using Envoy.Service.Auth.V3;
using Envoy.Service.Ratelimit.V3;
using Google.Protobuf.WellKnownTypes;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

// Usage: ControlPlane.Mixer.Bench [--seconds N] [--redis HOST:PORT]
var seconds = Arg("--seconds") is { } s ? int.Parse(s, CultureInfo.InvariantCulture) : 10;
var redis = Arg("--redis");

var app = await StartAsync(null);
var server = new Uri($"http://127.0.0.1:{app.Services.GetRequiredService<MeshPortRegistry>().BoundPort(MeshPort.Mixer)}");
await CheckOnceAsync(server);

var results = new List<H2Load.Result>
{
    await H2Load.RunAsync("trivial", server, "/mixer.bench.Trivial/Call", Payloads.Framed(new Empty()), 4, 16, seconds),
    await H2Load.RunAsync("check-20-policies", server, "/envoy.service.auth.v3.Authorization/Check", Payloads.Framed(Payloads.Check()), 4, 16, seconds),
    await H2Load.RunAsync("check-moderate-20k", server, "/envoy.service.auth.v3.Authorization/Check", Payloads.Framed(Payloads.Check()), 4, 16, seconds, rpsPerClient: 5000),
    await H2Load.RunAsync("ratelimit-memory", server, "/envoy.service.ratelimit.v3.RateLimitService/ShouldRateLimit", Payloads.Framed(Payloads.RateLimit()), 4, 16, seconds),
    await H2Load.RunAsync("als-stream-1000", server, "/envoy.service.accesslog.v3.AccessLogService/StreamAccessLogs", Payloads.AccessLogStream(), 2, 4, seconds),

    // The ceiling again, warm: the machine is shared, so the better of the two runs is the ceiling.
    await H2Load.RunAsync("trivial-again", server, "/mixer.bench.Trivial/Call", Payloads.Framed(new Empty()), 4, 16, seconds),
};
await app.StopAsync();

if (redis is not null)
{
    var withRedis = await StartAsync(redis);
    var redisServer = new Uri($"http://127.0.0.1:{withRedis.Services.GetRequiredService<MeshPortRegistry>().BoundPort(MeshPort.Mixer)}");
    results.Add(await H2Load.RunAsync("ratelimit-redis", redisServer, "/envoy.service.ratelimit.v3.RateLimitService/ShouldRateLimit", Payloads.Framed(Payloads.RateLimit()), 4, 16, seconds));
    await withRedis.StopAsync();
}

var ceiling = results.Where(r => r.Name.StartsWith("trivial", StringComparison.Ordinal)).Max(r => r.RequestsPerSecond);
Console.WriteLine($"| run | calls/s | of trivial ceiling | p50 ms | p99 ms | ok | failed |");
Console.WriteLine("|---|---|---|---|---|---|---|");
foreach (var r in results)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {r.Name} | {r.RequestsPerSecond:0} | {r.RequestsPerSecond / ceiling:P0} | {r.P50Ms:0.00} | {r.P99Ms:0.00} | {r.Succeeded} | {r.Failed} |"));
}

var als = results.First(r => r.Name.StartsWith("als", StringComparison.Ordinal));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"access-log entries ingested: {als.RequestsPerSecond * Payloads.EntriesPerBatch * Payloads.BatchesPerStream:0}/s ({Payloads.EntriesPerBatch * Payloads.BatchesPerStream} entries per stream)"));
return 0;

static string? Arg(string name)
{
    var args = Environment.GetCommandLineArgs();
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

static async Task<WebApplication> StartAsync(string? redis)
{
    var definition = new MeshHostDefinition(
        "mixer-bench",
        MixerRegistration.Flags,
        builder =>
        {
            builder.Services.AddSingleton<IConfigSnapshotSource, BenchConfig>();
            builder.AddMixer();
        },
        app =>
        {
            app.MapMixer();
            app.MapGrpcService<TrivialService>().RequireMeshPort(MeshPort.Mixer);
        });
    var dataDir = Directory.CreateTempSubdirectory("mixer-bench").FullName;
    string[] args = ["--bind-address", "127.0.0.1", "--mixer-port", "0", "--monitoring-port", "0", "--data-dir", dataDir, "--log-level", "Critical"];
    var app = MeshHost.Build(definition, redis is null ? args : [.. args, "--redis", redis]);
    await app.StartAsync();
    return app;
}

static async Task CheckOnceAsync(Uri server)
{
    // Make sure each call under load really succeeds (h2load only sees HTTP 200, not grpc-status).
    using var channel = GrpcChannel.ForAddress(server);
    var check = await new Authorization.AuthorizationClient(channel).CheckAsync(Payloads.Check());
    var limit = await new RateLimitService.RateLimitServiceClient(channel).ShouldRateLimitAsync(Payloads.RateLimit());
    using var stream = new AccessLogService.AccessLogServiceClient(channel).StreamAccessLogs();
    await stream.RequestStream.CompleteAsync();
    if (check.Status.Code != 0 || limit.OverallCode != RateLimitResponse.Types.Code.Ok)
    {
        throw new InvalidOperationException($"bench config wrong: check {check.Status}, rate limit {limit.OverallCode}");
    }
}
