// Load harness for the Shared xDS core: one server (snapshot cache) and N Shared clients in this
// process, over real HTTP/2 on 127.0.0.1. Measures the initial sync of every client and the time
// for a one-resource change to reach all of them. Usage and results: bench/README.md.
using System.Diagnostics;
using ControlPlane.Bench.XdsLoad;
using ControlPlane.Shared.Xds;

var settings = LoadSettings.Parse(args);
Console.WriteLine($"clients={settings.Clients} resources={settings.Resources} protocol={settings.Protocol} changes={settings.Changes} cores={Environment.ProcessorCount}");

await using var server = await LoadServer.StartAsync();
server.Cache.SetResources(LoadResources.TypeUrl, LoadResources.Set(0, settings.Resources));
await using var fleet = new LoadFleet(server.Address, settings);

var total = Stopwatch.StartNew();
var cpu = Process.GetCurrentProcess().TotalProcessorTime;
fleet.StartAll();
await fleet.WaitAllAsync(c => c.Resources(LoadResources.TypeUrl).Count == settings.Resources, TimeSpan.FromMinutes(5));
Console.WriteLine($"initial sync of {settings.Clients} clients x {settings.Resources} resources: {total.ElapsedMilliseconds} ms");

var cpuBeforeChanges = Process.GetCurrentProcess().TotalProcessorTime;
var rounds = new List<double>();
for (var round = 1; round <= settings.Changes; round++)
{
    var version = $"v{round}";
    var watch = Stopwatch.StartNew();
    server.Cache.SetResources(LoadResources.TypeUrl, LoadResources.Set(round, settings.Resources));
    await fleet.WaitAllAsync(c => c.AcceptedVersion(LoadResources.TypeUrl) == version, TimeSpan.FromMinutes(2));
    rounds.Add(watch.Elapsed.TotalMilliseconds);
}

rounds.Sort();
var cpuPerChange = (Process.GetCurrentProcess().TotalProcessorTime - cpuBeforeChanges) / settings.Changes;
var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
Console.WriteLine($"one-resource change to all clients: p50 {rounds[rounds.Count / 2]:0} ms, max {rounds[^1]:0} ms over {rounds.Count} changes; CPU per change {cpuPerChange.TotalMilliseconds:0} ms (server and clients)");
Console.WriteLine($"server streams {server.Server.StreamCount}; process CPU {cpuUsed.TotalSeconds:0.0} s; managed heap {GC.GetTotalMemory(true) / (1024 * 1024)} MiB; working set {Environment.WorkingSet / (1024 * 1024)} MiB");
