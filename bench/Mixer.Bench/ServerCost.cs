using System.Diagnostics;

namespace ControlPlane.Bench.Mixer;

/// <summary>
/// What the server (this process; h2load is another) spent during one run: CPU time, managed
/// allocations, and garbage collections with their pause time. Divided by the calls answered,
/// these are per-call costs that do not depend on how busy the shared machine was.
/// </summary>
internal readonly record struct ServerCost(TimeSpan Cpu, long AllocatedBytes, int Gen0, int Gen1, int Gen2, TimeSpan GcPause)
{
    public static ServerCost Now()
    {
        using var process = Process.GetCurrentProcess();
        return new ServerCost(
            process.TotalProcessorTime,
            GC.GetTotalAllocatedBytes(precise: true),
            GC.CollectionCount(0),
            GC.CollectionCount(1),
            GC.CollectionCount(2),
            GC.GetTotalPauseDuration());
    }

    public static ServerCost operator -(ServerCost after, ServerCost before) => new(
        after.Cpu - before.Cpu,
        after.AllocatedBytes - before.AllocatedBytes,
        after.Gen0 - before.Gen0,
        after.Gen1 - before.Gen1,
        after.Gen2 - before.Gen2,
        after.GcPause - before.GcPause);
}
