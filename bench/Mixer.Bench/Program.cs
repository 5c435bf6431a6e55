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
using Microsoft.Extensions.DependencyInjection.Extensions;

// Usage: ControlPlane.Mixer.Bench [--seconds N] [--rounds N] [--warmup N] [--redis HOST:PORT] [--only NAME,NAME] [--moderate-rps N]
//        ControlPlane.Mixer.Bench --check-path   (the Check stages' own CPU and allocations, no gRPC)
// Every scenario is first run unmeasured for --warmup seconds (JIT tiering, pools, connections);
// then --rounds rounds each run every scenario once, the trivial ceiling first, so each figure has a
// ceiling measured minutes, not a whole run, apart. Medians over the rounds are reported.
var seconds = IntArg("--seconds", 10);
var rounds = IntArg("--rounds", 3);
var warmup = IntArg("--warmup", 5);
var redis = Arg("--redis");
var only = Arg("--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

const string TrivialPath = "/mixer.bench.Trivial/Call";
const string CheckPath = "/envoy.service.auth.v3.Authorization/Check";
const string RateLimitPath = "/envoy.service.ratelimit.v3.RateLimitService/ShouldRateLimit";
const string AccessLogPath = "/envoy.service.accesslog.v3.AccessLogService/StreamAccessLogs";
var trivial = new Scenario("trivial", TrivialPath, Payloads.Framed(new Empty()), 4, 16, Ceiling: true);
var moderatePerClient = IntArg("--moderate-rps", 20_000) / 4;

var report = new Report();
var app = await StartAsync(null);
var server = BoundMixer(app);
await CheckOnceAsync(server);
if (Environment.GetCommandLineArgs().Contains("--check-path"))
{
    CheckPathProfile.Run(app, Console.Out);
    await app.StopAsync();
    return 0;
}

await RunRoundsAsync(server, Selected(
[
    trivial,
    new Scenario("check-20-policies", CheckPath, Payloads.Framed(Payloads.Check()), 4, 16),
    new Scenario("trivial-moderate", TrivialPath, Payloads.Framed(new Empty()), 4, 16, moderatePerClient),
    new Scenario("check-moderate", CheckPath, Payloads.Framed(Payloads.Check()), 4, 16, moderatePerClient),
    new Scenario("ratelimit-memory", RateLimitPath, Payloads.Framed(Payloads.RateLimit()), 4, 16),
    new Scenario("als-stream-1000", AccessLogPath, Payloads.AccessLogStream(), 2, 4),
]));
await app.StopAsync();

if (redis is not null && (only is null || only.Contains("ratelimit-redis")))
{
    var withRedis = await StartAsync(redis);
    await RunRoundsAsync(BoundMixer(withRedis),
    [
        trivial with { Name = "trivial-redis-host" },
        new Scenario("ratelimit-redis", RateLimitPath, Payloads.Framed(Payloads.RateLimit()), 4, 16),
    ]);
    await withRedis.StopAsync();
}

report.Print(Console.Out, Payloads.EntriesPerBatch * Payloads.BatchesPerStream);
return 0;

IReadOnlyList<Scenario> Selected(IReadOnlyList<Scenario> all) =>
    only is null ? all : [.. all.Where(s => s.Ceiling || only.Contains(s.Name))];

async Task RunRoundsAsync(Uri target, IReadOnlyList<Scenario> scenarios)
{
    foreach (var scenario in scenarios)
    {
        Console.Error.WriteLine($"warm-up: {scenario.Name} ({warmup} s)");
        await H2Load.RunAsync(scenario, target, warmup);
    }

    for (var round = 1; round <= rounds; round++)
    {
        foreach (var scenario in scenarios)
        {
            var before = ServerCost.Now();
            var result = await H2Load.RunAsync(scenario, target, seconds);
            var cost = ServerCost.Now() - before;
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round}: {scenario.Name} {result.RequestsPerSecond:0}/s p50 {result.P50Ms:0.00} ms p99 {result.P99Ms:0.00} ms, {cost.Cpu.TotalMicroseconds / Math.Max(1, result.Succeeded):0.0} µs CPU per call"));
            report.Add(scenario, round, result, cost);
        }
    }
}

static Uri BoundMixer(WebApplication app) =>
    new($"http://127.0.0.1:{app.Services.GetRequiredService<MeshPortRegistry>().BoundPort(MeshPort.Mixer)}");

static string? Arg(string name)
{
    var args = Environment.GetCommandLineArgs();
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

static int IntArg(string name, int fallback) => Arg(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

static async Task<WebApplication> StartAsync(string? redis)
{
    var definition = new MeshHostDefinition(
        "mixer-bench",
        MixerRegistration.Flags,
        builder =>
        {
            builder.AddMixer();
            builder.Services.Replace(ServiceDescriptor.Singleton<IConfigSnapshotSource, BenchConfig>());
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
