using ControlPlane.Galley.Distribution.Bench;

// Galley distribution fan-out: see bench/README.md, section "Galley: distribution fan-out".
var settings = BenchSettings.Parse(args);
await new FanOutRun(settings, Console.Out).RunAsync();
