using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;

namespace ControlPlane.Bench.Galley;

/// <summary>The benchmarks' shared configuration: per-operation throughput and allocations.</summary>
internal static class BenchConfig
{
    public static IConfig Create() => DefaultConfig.Instance
        .AddColumn(StatisticColumn.OperationsPerSecond)
        .AddDiagnoser(MemoryDiagnoser.Default);
}
