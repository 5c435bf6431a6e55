using System.Diagnostics;
using ControlPlane.Shared.Config;
using ControlPlane.Shared.Config.Distribution;
using ControlPlane.Shared.Hosting;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ControlPlane.Galley.Distribution.Bench;

/// <summary>
/// Starts Galley in process over a generated config directory, connects N subscribers (each on
/// its own HTTP/2 connection, as separate Pilot/Mixer processes would be), then edits one file
/// per round and times how long until the last subscriber has the change.
/// </summary>
internal sealed class FanOutRun(BenchSettings settings, TextWriter output)
{
    private static readonly TimeSpan RoundTimeout = TimeSpan.FromSeconds(30);
    private Round? _round;

    public async Task RunAsync()
    {
        var configDir = Directory.CreateTempSubdirectory("galley-bench-config").FullName;
        var dataDir = Directory.CreateTempSubdirectory("galley-bench-data").FullName;
        BenchConfig.WriteInitial(configDir, settings.Files, settings.ObjectsPerFile);
        var app = MeshHost.Build(GalleyHost.Definition, ["--bind-address", "127.0.0.1", "--data-dir", dataDir, "--log-level", "Warning", "--galley-port", "0", "--monitoring-port", "0", "--config-dir", configDir]);
        await app.StartAsync();
        var galley = app.Services.GetRequiredService<IConfigSnapshotSource>();
        using var published = galley.Subscribe(s => Watch(s, r => r.Published()));
        var address = new Uri($"http://127.0.0.1:{app.Services.GetRequiredService<MeshPortRegistry>().BoundPort(MeshPort.Galley)}");
        var counter = new ByteCounter();
        var subscribers = new List<(GrpcChannel Channel, GalleyConfigSubscriber Subscriber)>();
        try
        {
            var started = Stopwatch.GetTimestamp();
            for (var i = 0; i < settings.Subscribers; i++)
            {
                var index = i;
                var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = new CountingHandler(new SocketsHttpHandler(), counter), MaxReceiveMessageSize = null });
                var subscriber = new GalleyConfigSubscriber(new GalleySubscriptionOptions { CallInvoker = channel.CreateCallInvoker(), NodeId = $"bench-{index}", Protocol = settings.Protocol });
                subscriber.Subscribe(s => Watch(s, r => r.Seen(index)));
                subscriber.Start();
                subscribers.Add((channel, subscriber));
            }

            using var syncTimeout = new CancellationTokenSource(RoundTimeout);
            await Task.WhenAll(subscribers.Select(s => s.Subscriber.WaitUntilSyncedAsync(syncTimeout.Token)));
            var initialMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var initialBytes = counter.Bytes;
            var fromWrite = new List<double>();
            var fromPublish = new List<double>();
            var bytes = new List<double>();
            var cpu = new List<double>();
            using var process = Process.GetCurrentProcess();
            for (var round = 1; round <= settings.Rounds; round++)
            {
                var current = new Round($"r{round}", settings.Subscribers);
                Volatile.Write(ref _round, current);
                var bytesBefore = counter.Bytes;
                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                var written = Stopwatch.GetTimestamp();
                BenchConfig.Change(configDir, settings.ObjectsPerFile, current.Marker);
                await current.AllSeen.Task.WaitAsync(RoundTimeout);
                fromWrite.Add(Stopwatch.GetElapsedTime(written, current.LastSeenAt).TotalMilliseconds);
                fromPublish.Add(Stopwatch.GetElapsedTime(current.PublishedAt, current.LastSeenAt).TotalMilliseconds);
                bytes.Add(counter.Bytes - bytesBefore);
                process.Refresh();
                cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
            }

            Report(initialMs, initialBytes, fromWrite, fromPublish, bytes, cpu);
        }
        finally
        {
            foreach (var (channel, subscriber) in subscribers)
            {
                await subscriber.DisposeAsync();
                channel.Dispose();
            }

            await app.StopAsync();
            await app.DisposeAsync();
            Directory.Delete(configDir, recursive: true);
            Directory.Delete(dataDir, recursive: true);
        }
    }

    private void Watch(ConfigSnapshot snapshot, Action<Round> record)
    {
        var round = Volatile.Read(ref _round);
        if (round is null)
        {
            return;
        }

        var changed = snapshot.Objects.FirstOrDefault(o => o.Meta.Name == BenchConfig.ChangedName && o.Kind == ConfigKinds.VirtualService);
        if (changed?.SpecAs<Istio.Networking.V1Alpha3.VirtualService>().Hosts[0].EndsWith("." + round.Marker, StringComparison.Ordinal) == true)
        {
            record(round);
        }
    }

    private void Report(double initialMs, long initialBytes, List<double> fromWrite, List<double> fromPublish, List<double> bytes, List<double> cpu)
    {
        output.WriteLine($"subscribers={settings.Subscribers} protocol={settings.Protocol} objects={settings.ObjectCount} files={settings.Files} rounds={settings.Rounds}");
        output.WriteLine($"initial sync of all subscribers: {initialMs:F0} ms, {initialBytes / 1024.0:F0} KiB received in all");
        output.WriteLine("| measure | p50 | p99 | max |");
        output.WriteLine("|---|---|---|---|");
        output.WriteLine($"| file write -> last subscriber has it (ms) | {Percentiles.Of(fromWrite, 50):F1} | {Percentiles.Of(fromWrite, 99):F1} | {fromWrite.Max():F1} |");
        output.WriteLine($"| Galley snapshot published -> last subscriber has it (ms) | {Percentiles.Of(fromPublish, 50):F1} | {Percentiles.Of(fromPublish, 99):F1} | {fromPublish.Max():F1} |");
        output.WriteLine($"| bytes received per change, all subscribers | {Percentiles.Of(bytes, 50):F0} | {Percentiles.Of(bytes, 99):F0} | {bytes.Max():F0} |");
        output.WriteLine($"| CPU per change, Galley + all subscribers (ms) | {Percentiles.Of(cpu, 50):F0} | {Percentiles.Of(cpu, 99):F0} | {cpu.Max():F0} |");
    }
}
