using System.Diagnostics;

namespace ControlPlane.Citadel.Bench;

/// <summary>Runs an operation on N workers for a fixed time; reports operations per second and latency percentiles.</summary>
internal static class Throughput
{
    /// <summary>
    /// <see cref="CpuSeconds"/> is the whole process's CPU time over the run (all threads, GC
    /// included): on a machine shared with other work, operations per CPU-second is the figure
    /// comparable with <c>openssl speed</c>, which also divides by CPU time.
    /// </summary>
    public sealed record Result(int Workers, long Operations, double Seconds, double CpuSeconds, double P50Ms, double P99Ms)
    {
        public double PerSecond => Operations / Seconds;

        public double PerCpuSecond => Operations / CpuSeconds;
    }

    public static Result Threads(int workers, TimeSpan duration, Action<int, long> operation) =>
        RunAsync(workers, duration, (worker, i) => { operation(worker, i); return ValueTask.CompletedTask; }, dedicatedThreads: true).GetAwaiter().GetResult();

    public static Task<Result> Async(int workers, TimeSpan duration, Func<int, long, ValueTask> operation) =>
        RunAsync(workers, duration, operation, dedicatedThreads: false);

    private static async Task<Result> RunAsync(int workers, TimeSpan duration, Func<int, long, ValueTask> operation, bool dedicatedThreads)
    {
        // Warm up (JIT, connections, token cache) outside the measurement.
        for (var w = 0; w < workers; w++)
        {
            await operation(w, -1 - w);
        }

        var latencies = new List<long>[workers];
        var stop = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var tasks = Enumerable.Range(0, workers).Select(w =>
        {
            latencies[w] = new List<long>(1 << 16);
            async Task Loop()
            {
                for (long i = 0; Stopwatch.GetTimestamp() < stop; i++)
                {
                    var t0 = Stopwatch.GetTimestamp();
                    await operation(w, i);
                    latencies[w].Add(Stopwatch.GetTimestamp() - t0);
                }
            }

            return dedicatedThreads ? Task.Factory.StartNew(() => Loop().GetAwaiter().GetResult(), TaskCreationOptions.LongRunning) : Task.Run(Loop);
        }).ToArray();
        await Task.WhenAll(tasks);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        double Percentile(double p) => all.Length == 0 ? 0 : all[(int)Math.Min(all.Length - 1, p * all.Length)] * 1000.0 / Stopwatch.Frequency;
        return new Result(workers, all.Length, elapsed, cpu, Percentile(0.50), Percentile(0.99));
    }
}
