using BenchmarkDotNet.Running;
using ControlPlane.Bench.Galley;

BenchmarkSwitcher.FromAssembly(typeof(ValidationBenchmarks).Assembly).Run(args, BenchConfig.Create());
