// Fan-out harness for Pilot: one Pilot (its real host, xDS on 127.0.0.1, config from a watched
// directory) holding M services, and N Shared xDS clients (proxyless gRPC node) in this process.
// Measures initial sync, config change -> every client's ACK (a new service: every client's
// wildcard CDS changes), one endpoint change (EDS only), and the ceiling: the same bytes written
// to N streams by a trivial server-streaming call. Usage and results: bench/README.md ("Pilot").
using System.Diagnostics;
using ControlPlane.Bench.PilotLoad;
using ControlPlane.Pilot;
using ControlPlane.Shared.Hosting;
using ControlPlane.Shared.Xds;
using Microsoft.Extensions.DependencyInjection;

int Arg(string name, int fallback) => args.SkipWhile(a => a != name).Skip(1).Select(int.Parse).DefaultIfEmpty(fallback).First();
var clients = Arg("--clients", 1000);
var services = Arg("--services", 1000);
var rounds = Arg("--rounds", 3);
var protocol = args.Contains("delta") ? XdsProtocol.Delta : XdsProtocol.StateOfTheWorld;
Console.WriteLine($"clients={clients} services={services} protocol={protocol} rounds={rounds} cores={Environment.ProcessorCount}");

var root = Path.Combine(Path.GetTempPath(), $"pilot-bench-{Guid.NewGuid():N}");
var configDir = Directory.CreateDirectory(Path.Combine(root, "config")).FullName;
MeshConfig.WriteServices(configDir, services);
var app = MeshHost.Build(PilotHost.Definition,
[
    "--bind-address", "127.0.0.1", "--xds-port", "0", "--monitoring-port", "0", "--data-dir", Path.Combine(root, "data"),
    "--config-dir", configDir, "--log-level", "Warning",
]);
await app.StartAsync();
var xdsPort = app.Services.GetRequiredService<MeshPortRegistry>().BoundPort(MeshPort.Xds);
long pushedAt = 0;
app.Services.GetRequiredService<ControlPlane.Pilot.Xds.PilotResourceProvider>().Changed += (_, _) => Volatile.Write(ref pushedAt, Stopwatch.GetTimestamp());

var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
await using var fleet = new PilotFleet(new Uri($"http://127.0.0.1:{xdsPort}"), clients, services, protocol);
var watch = Stopwatch.StartNew();
fleet.StartAll();
await fleet.WaitAllAsync(c => c.Resources(XdsTypeUrls.Cluster).Count == services && c.Resources(XdsTypeUrls.ClusterLoadAssignment).Count == 1, TimeSpan.FromMinutes(10));
var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
Console.WriteLine($"initial sync: {watch.Elapsed.TotalSeconds:0.0} s, {fleet.Responses} responses, {fleet.Bytes / 1e6:0.0} MB of resources");
Console.WriteLine($"managed heap per connected client (server and client state together): {(heapAfter - heapBefore) / clients / 1024.0:0} KiB; working set {Environment.WorkingSet >> 20} MiB");

var latencies = new List<double>();
var fromPush = new List<double>();
var fullBytes = new List<long>();
var pushRates = new List<double>();
var cpuPerPush = new List<double>();
for (var round = 1; round <= rounds; round++)
{
    var (responses, bytes, cpu) = (fleet.Responses, fleet.Bytes, Process.GetCurrentProcess().TotalProcessorTime);
    var start = Stopwatch.GetTimestamp();
    MeshConfig.AddService(configDir, round);
    var expected = services + round;
    await fleet.WaitAllAsync(c => c.Resources(XdsTypeUrls.Cluster).Count == expected, TimeSpan.FromMinutes(5));
    var perClient = Enumerable.Range(0, clients).Select(i => Stopwatch.GetElapsedTime(start, fleet.LastCds(i)).TotalSeconds).Order().ToList();
    latencies.AddRange(perClient);
    var pushed = Volatile.Read(ref pushedAt);
    fromPush.AddRange(Enumerable.Range(0, clients).Select(i => Stopwatch.GetElapsedTime(pushed, fleet.LastCds(i)).TotalSeconds));
    var pushes = fleet.Responses - responses;
    fullBytes.Add(fleet.Bytes - bytes);
    pushRates.Add(pushes / perClient[^1]);
    cpuPerPush.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds / pushes);
    Console.WriteLine($"round {round}: change -> last ACK {perClient[^1]:0.00} s, p50 {perClient[perClient.Count / 2]:0.00} s (of which file reload + debounce {Stopwatch.GetElapsedTime(start, pushed).TotalSeconds:0.00} s), {pushes} pushes, {(fleet.Bytes - bytes) / 1e6:0.0} MB");
    await Task.Delay(500);
}

latencies.Sort();
Console.WriteLine($"config change -> client ACK over {rounds} rounds: p50 {latencies[latencies.Count / 2]:0.00} s, p99 {latencies[(int)(latencies.Count * 0.99)]:0.00} s, max {latencies[^1]:0.00} s");
fromPush.Sort();
Console.WriteLine($"push (provider notified) -> client ACK: p50 {fromPush[fromPush.Count / 2]:0.00} s, p99 {fromPush[(int)(fromPush.Count * 0.99)]:0.00} s, max {fromPush[^1]:0.00} s");
Console.WriteLine($"pushes/s {pushRates.Average():0}; CPU per push {cpuPerPush.Average() * 1000:0.00} ms (server and clients); bytes per full push {fullBytes.Average() / 1e6:0.0} MB");

var (edsBefore, edsBytesBefore) = (fleet.Responses, fleet.Bytes);
var moved = Stopwatch.GetTimestamp();
MeshConfig.WriteWorkload(configDir, "10.255.0.2");
await fleet.WaitAllAsync(c => !c.Resources(XdsTypeUrls.ClusterLoadAssignment).ContainsKey(MeshConfig.Cluster(0))
    || c.Resources(XdsTypeUrls.ClusterLoadAssignment)[MeshConfig.Cluster(0)].Body.Value.ToStringUtf8().Contains("10.255.0.2", StringComparison.Ordinal), TimeSpan.FromMinutes(2));
await Task.Delay(1000);
var endpointBytes = fleet.Bytes - edsBytesBefore;
Console.WriteLine($"one endpoint change: {fleet.Responses - edsBefore} pushes, {endpointBytes} bytes ({100.0 * endpointBytes / fullBytes.Average():0.000}% of a full push), reached its client in {Stopwatch.GetElapsedTime(moved, fleet.LastEds(0)).TotalSeconds:0.00} s");

await app.StopAsync();
var bytesPerClient = (int)(fullBytes.Average() / clients);
var ceiling = await BlastCeiling.MeasureAsync(clients, bytesPerClient);
var pushWall = latencies[^1];
Console.WriteLine($"ceiling: {clients} streams x {bytesPerClient} bytes by a trivial server-streaming call: {ceiling.TotalSeconds:0.00} s; Pilot's full push (max) {pushWall:0.00} s = {ceiling.TotalSeconds / pushWall * 100:0}% of the ceiling's speed");
Directory.Delete(root, recursive: true);
